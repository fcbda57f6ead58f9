"""Resolve speaker mentions to canonical actors and the side they speak for.

One ``Resolver`` serves one document, mentions in text order, and remembers
what it resolved so that ``Peskov``, ``the Kremlin spokesman`` and ``he`` in
one article are one actor. A mention is tried, in order, as:

1. a known name or alias as a whole (``Zelenskyy``, ``the Kremlin``, ``Kiev``);
2. a descriptor (its head is a common noun): a role title at the document's
   date (``Ukraine's foreign minister``), an institution (``the Ukrainian
   foreign ministry``), or an unnamed speaker (``a Ukrainian official``);
3. a proper name inside it (``Foreign Minister Sergey Lavrov``), then a
   surname (``Lavrov``), then an unknown name with its party read from the
   words around it (``Ukrainian presidential adviser X``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..records import Mention, Resolution
from .knowledge import Actor, KnowledgeBase, fold
from .memory import ONE_PERSON_ROLES, SpeakerMemory
from .shapes import DescriptorShapes, before_a_preposition
from .words import (
    DOCUMENT_HEADS,
    FORMER,
    HONORIFICS,
    INDEFINITE,
    INSTITUTION_HEADS,
    OUTLET_HEADS,
    OWN_VOICE_HEADS,
    QUANTIFIED,
    TITLE_FILLERS,
    PhraseFinder,
    Words,
    bare,
    gives_title,
    introduction,
    is_news_outlet,
    name_run,
    same_given,
    says_former,
    what_a_title_says,
)

UNKNOWN = Resolution(speaker="", party="", source="")


class Resolver(DescriptorShapes, SpeakerMemory):
    def __init__(self, kb: KnowledgeBase, text: str, day: str | None, base: int = 0) -> None:
        self.kb = kb
        self.text = text  # the document, or the part of it starting at offset ``base``
        self.base = base
        self.day = day
        self.by_surname: dict[str, Resolution] = {}  # within-document coreference
        self.last_issuer: Actor | None = None  # whose statement "the statement" is
        self.seen: list[tuple[Resolution, frozenset[str]]] = []  # in text order
        self.titled: dict[str, str | None] = {}  # titled_name per title, read once
        self.nationality = PhraseFinder(kb.nationalities)
        # heads that name people, and every word a title is made of, read once
        self.people_heads = kb.official_roles | kb.private_roles
        self.title_vocabulary = kb.official_roles | HONORIFICS | INSTITUTION_HEADS | TITLE_FILLERS

    def resolve(self, mention: Mention | None) -> Resolution:
        if mention is None:
            return UNKNOWN
        if mention.kind == "pronoun":
            if mention.antecedent is None:  # nobody the parse could link it to
                person = self.last_person() if mention.text.lower() in ("he", "she") else None
                return person or Resolution(mention.text.lower(), "", "anonymous")
            return self.resolve(mention.antecedent)
        return self.resolve_text(
            mention.text,
            mention.description,
            mention.span.start - self.base,
            descriptor=mention.kind == "descriptor",
        )

    def resolve_text(
        self, text: str, description: str = "", at: int | None = None, descriptor: bool = False
    ) -> Resolution:
        """``descriptor``: the parser read the mention's head as a common noun, as in
        "Experts" at the start of a sentence."""
        words = Words.of(text)
        if not words.raw:
            return UNKNOWN
        if all(w in QUANTIFIED or w in ("others", "other") for w in words.folded):
            return Resolution(" ".join(words.folded), "", "anonymous")  # "Some say", "Others"
        actor = self.kb.named(text)
        if actor is not None:
            return self.remember(self.of_actor(actor, words.folded), words.folded)
        issuer = self.issuer(words)
        if issuer is not None:  # "a Kremlin statement", "the White House's readout"
            return self.remember(self.of_actor(issuer))
        outlet = self.outlet_within(words) or self.outlet_after(words)
        if outlet is not None:  # "Russia's state RIA news agency", "reports from the WSJ"
            return self.remember(self.of_actor(outlet))
        if words.folded[-1] in OUTLET_HEADS and words.folded[0] == "the":
            outlet = self.outlet_before(len(self.text) if at is None else at)
            if outlet is not None:
                return self.remember(self.of_actor(outlet))  # "the publication": named before
        # A head naming people, only the first word capitalised ("Experts", "Police officials")
        descriptor = descriptor and (
            (words.folded[-1] in self.people_heads and all(w[:1].islower() for w in words.raw[1:]))
            or self.someone_at(words) is not None
        )
        if descriptor or self.is_descriptor(words) or self.only_titles(words):
            return self.remember(self.descriptor(text, words, at), words.folded)
        return self.proper_name(text, words, description)

    # -- actors and memory ---------------------------------------------------------

    def of_actor(self, actor: Actor, written: Sequence[str] = ()) -> Resolution:
        """The actor, speaking for its side on the article's date, or for the side of the
        role its mention names ("NATO Secretary-General Jens Stoltenberg" speaks for
        NATO, whatever post he holds on the date given)."""
        party = actor.party_on(self.day)
        named = [role.party for role in actor.roles if gives_title(written, role.titles)]
        if named and party not in named:
            party = named[-1]
        elif not named and says_former(written):  # "Former NATO chief Jens Stoltenberg"
            present = [w.removeprefix("ex-") for w in written if w not in FORMER]
            former = [role for role in actor.roles if gives_title(present, role.titles)]
            party = actor.party_besides(former, self.day)
        return Resolution(actor.name, party, "named", actor.id)

    def remember(self, found: Resolution, context: Iterable[str] = ()) -> Resolution:
        """Keep what a mention resolved to, with the words that describe it, for later ones."""
        if found.source == "named" and found.speaker:
            self.by_surname[fold(found.speaker).split()[-1]] = found
        described = set(context)
        actor = self.kb.actors.get(found.actor_id)
        if actor is not None:
            # the titles held on the article's date: Medinsky, culture minister until
            # 2020, is no "minister" in 2025 (any held then, else all, for a former one)
            roles = [r for r in actor.roles if r.active_on(self.day)] or actor.roles
            described |= {w for role in roles for t in role.titles for w in what_a_title_says(t)}
        described |= {head for head, titles in self.kb.role_families.items() if described & titles}
        if found.speaker:
            self.seen.append((found, frozenset(described)))
        return found

    # -- descriptors -----------------------------------------------------------------

    def is_descriptor(self, words: Words) -> bool:
        last = words.raw[-1]
        return (
            last[:1].islower()
            or self.party_in(words.raw[-1]) is not None
            or self.head_of(words)  # "the Head of the President's Office" is a person
            or self.someone_of(words)  # "a top diplomat of Sweden"
        )

    def issuer(self, words: Words) -> Actor | None:
        """The known institution or person a document mention names ("a Kremlin
        statement", "the Kremlin's declaration"), or None."""
        if len(words.raw) < 2 or words.folded[-1] not in DOCUMENT_HEADS:
            return None
        if words.folded[:-1] == ["the"]:  # "the statement": the one named before
            return self.last_issuer
        named = [bare(w) for w in words.raw[:-1] if w[:1].isupper()]
        for begin in range(len(named)):
            actor = self.kb.named(" ".join(named[begin:]))
            if actor is not None:
                self.last_issuer = actor
                return actor
        return None

    def only_titles(self, words: Words) -> bool:
        """A title is never a name: "Foreign Ministry Spokesman", "the NSDC Secretary"."""
        return all(
            bare(w) in self.title_vocabulary
            or self.nationality(bare(w))  # "President's"
            or (raw.isupper() and self.kb.initials(bare(w)))
            for w, raw in zip(words.folded, words.raw, strict=True)
        )

    def outlet_before(self, at: int) -> Actor | None:
        """The news outlet named last before offset ``at`` (what "the publication" stands for)."""
        for found, _ in reversed(self.seen):
            actor = self.kb.actors.get(found.actor_id)
            if actor is not None and actor.type == "outlet":
                return actor
        last: Actor | None = None
        for match in re.finditer(r"\b[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*)*", self.text[:at]):
            # a run of capitalised words that names nobody may hold a name ending one
            # sentence and the start of the next ("according to Reuters. Sky News footage
            # ..."): its sentences, each without its full stop, are read in order
            whole = self.kb.named(match.group(0))
            pieces = re.split(r"(?<=\.) ", match.group(0))
            named = [whole] if whole else [self.kb.named(p.rstrip(".")) for p in pieces]
            for actor in named:
                if actor is not None and actor.type == "outlet":
                    last = actor
        return last

    def descriptor(self, text: str, words: Words, at: int | None = None) -> Resolution:
        party = self.party_in(text) or self.body_after_of(words)
        origin = set(before_a_preposition(words.folded))  # not "a diplomat from a ... country"
        if party is None and origin & {"european", "europeans"}:
            # "European leaders", "a senior European diplomatic source"; not a
            # nationality word elsewhere (the UK is too)
            party = "EU"
        # "officials at the Russian embassy" are officials, not the embassy
        head, first = self.someone_at(words) or words.folded[-1], words.folded[0]
        owner = self.possessor(words)
        if owner is not None and head in OWN_VOICE_HEADS:
            return self.of_actor(owner)  # "Macron's office" speaks for Macron
        if self.related(words):  # "Ukraine's allies", "Western allies of Ukraine": not Ukraine
            return Resolution(text.replace("’", "'").lower(), "", "anonymous")
        if first == "the":
            earlier = self.recent(head, party)
            if earlier is not None and (party is None or earlier.source == "named"):
                return earlier  # "the general", "the Swiss president": someone introduced before
            body = self.institution_before(words, at)
            if body is not None:  # "the ministry", after "Ukraine's Foreign Ministry"
                return self.of_actor(body)
            fuller = self.title_before(words, at)
            if fuller is not None:  # "the minister", after "Ukraine's foreign minister"
                return self.of_actor(fuller)
        title = self.title_actor(words, party, at)
        if title is not None:
            return self.of_actor(title)
        if owner is not None and head in ONE_PERSON_ROLES:  # "Putin's adviser": Ushakov, if
            served = self.serving(owner, head, party)  # named before as such; else unnamed
            return served or Resolution(text.replace("’", "'").lower(), party or "", "anonymous")
        # "European leaders", "Western media outlets": people described, not named
        people = head in self.people_heads and head not in INSTITUTION_HEADS
        possessive = any(w.endswith(("'s", "’s")) for w in words.raw)
        named = first not in QUANTIFIED and first != "the" and not self.only_titles(words)
        named = named and not (people and not possessive)
        if named and words.raw[0][:1].isupper():
            return Resolution(text.strip(), party or "", "named")  # "Russia", "Ukraine's army"
        if head in INSTITUTION_HEADS and first not in INDEFINITE and party:
            return Resolution(
                " ".join(words.raw[1:] if first == "the" else words.raw), party, "named"
            )
        titled = self.titled_name(head) if first not in QUANTIFIED else None
        # "spokesman has said", the spokesman named in the article; of the side the words
        # give ("the head of the Russian delegation" is not Ukraine's, named before)
        if titled is not None and party in (None, self.side_of_name(titled) or party):
            return self.proper_name(titled, Words.of(titled), text)
        earlier = self.named_just_before(head, party) if first == "the" else None
        if earlier is not None:
            return earlier
        if head in self.kb.private_roles:
            party = "NONE"
        elif head in self.kb.official_roles and not (party or origin & self.kb.other_origins):
            # "another official" is of the side of the official before; "a Western official" not
            earlier = self.recent_anonymous_party()
            party = earlier.party if earlier else None
        return Resolution(text.replace("’", "'").lower(), party or "", "anonymous")

    def possessor(self, words: Words) -> Actor | None:
        for raw in words.raw:
            if raw.endswith("'s") and raw[:1].isupper():
                return self.kb.named(bare(raw)) or self.by_surname_actor(bare(raw))
        return None

    def title_actor(self, words: Words, party: str | None, at: int | None = None) -> Actor | None:
        """The actor holding the role this descriptor names at the document's date.

        Among several holders the one already mentioned in this document wins (quoted,
        or named in its text before offset ``at``: "Swiss President Viola Amherd
        opened the summit ... the Swiss President said"), then the one it names
        later (a lede's "spokesman has said"), then, in an undated document, the one
        who holds it now; a one-word title ("diplomat") must name someone mentioned.
        """
        start = 1 if words.folded[0] in ("the", "a", "an") else 0
        mentioned = {found.actor_id for found, _ in self.seen}
        titles = [" ".join(words.folded[begin:]) for begin in range(start, len(words.folded))]
        if party is not None and "of" in words.folded[start + 1 :]:
            # "the President of Ukraine": the title before the "of" that gave the party
            titles.append(" ".join(words.folded[start : words.folded.index("of", start + 1)]))
        for title in titles:
            roles = [
                (actor_id, role)
                for actor_id, role in self.kb.by_title.get(title, [])
                if role.active_on(self.day) and (party is None or role.party == party)
            ]
            holders = {actor_id for actor_id, _ in roles}
            seen = holders & mentioned
            if not seen and len(holders) > 1:
                # named before the mention; a definite title also after it (a lede's
                # "the chancellor said", the chancellor named in the next paragraph)
                limits = [at] if words.folded[0] in INDEFINITE else [at, None]
                for limit in limits:
                    seen = seen or {h for h in holders if self.named_before(h, limit)}
            if len(seen) == 1:
                return self.kb.actors[seen.pop()]
            if words.folded[0] in INDEFINITE:
                # "a Kremlin official": one of them, unnamed, even where the knowledge
                # base lists a single holder of the title
                return None
            if self.day is None and len(holders) > 1:  # undated: whoever holds it now
                holders = {actor_id for actor_id, role in roles if role.current} or holders
            if len(holders) == 1 and (" " in title or party is not None):
                return self.kb.actors[holders.pop()]
            if holders:
                return None
        return None

    def side_of_name(self, name: str) -> str:
        """A name's party: the knowledge base's, else its introduction's ("" if none)."""
        around = introduction(self.text, name, self.people_heads)
        party = self.party_of(name) or self.context_party(name, *around)
        return "" if party == "NONE" else party

    def titled_name(self, head: str) -> str | None:
        """The name the article gives a bare title ("Kremlin spokesman Dmitry Peskov" for
        "spokesman"), when it names one person so, before or after the mention."""
        if head not in self.kb.official_roles or head.endswith("s"):
            return None
        if head not in self.titled:
            pattern = rf"\b(?i:{re.escape(head)})\b,? ((?:[A-Z][\w'’-]+ ){{1,3}}[A-Z][\w'’-]+)"
            names = {m.group(1) for m in re.finditer(pattern, self.text)}
            people = {name for name in names if not self.only_titles(Words.of(name))}
            self.titled[head] = people.pop() if len(people) == 1 else None
        return self.titled[head]

    def named_before(self, actor_id: str, at: int | None) -> bool:
        """Whether the document names the actor (full name or an alias) before ``at``
        (anywhere when ``at`` is None)."""
        actor = self.kb.actors[actor_id]
        before = self.text if at is None else self.text[:at]
        return any(
            re.search(rf"\b{re.escape(name)}\b", before) for name in (actor.name, *actor.aliases)
        )

    def party_of(self, text: str) -> str:
        """The party a phrase names ("Moscow", "the Ukrainian army", "Putin"), or "".

        Unlike ``resolve`` it remembers nothing, so the subjects of quotes can
        be looked up without changing how later speakers are resolved.
        """
        words = Words.of(text)
        actor = self.kb.named(text)
        if actor is None and words.raw and words.raw[-1][:1].isupper():
            actor = self.by_surname_actor(words.raw[-1])
        if actor is not None:
            return actor.party_on(self.day)
        return self.party_in(text) or ""

    # -- proper names ----------------------------------------------------------------

    def proper_name(self, text: str, words: Words, description: str) -> Resolution:
        name_words = name_run(words, self.title_words())
        written = Words.of(f"{text} {description}").folded  # with the title it is given
        for begin in range(len(name_words)):
            actor = self.kb.named(" ".join(name_words[begin:]))
            if actor is not None:
                return self.remember(self.of_actor(actor, written), words.folded)
        surname = fold(name_words[-1]) if name_words else words.folded[-1]
        given = fold(name_words[0]) if len(name_words) > 1 else ""
        earlier = self.by_surname.get(surname)
        if earlier is not None and same_given(given, earlier.speaker):
            return earlier
        actor = self.surname_actor(surname, text)
        if actor is not None and same_given(given, actor.name):
            return self.remember(self.of_actor(actor, written), words.folded)
        actor = self.family_name_first(name_words)
        if actor is not None:  # "Li said", after "Li Hui": a family name written first
            return self.remember(self.of_actor(actor, written), words.folded)
        outlet = name_run(words, frozenset())
        if is_news_outlet([fold(w) for w in outlet]):  # "Ukrainian News Agency": no person
            return self.remember(Resolution(" ".join(outlet), "NONE", "named"), words.folded)
        full = " ".join(name_words) if len(name_words) > 1 else self.fuller_name(name_words)
        around = introduction(self.text, full, self.people_heads)
        party = self.context_party(f"{text} {description}", *around)
        return self.remember(Resolution(full, party, "named"), written)

    def surname_actor(self, surname: str, text: str) -> Actor | None:
        """The actor with this surname; among several, the one the context points to."""
        ids = self.kb.by_surname.get(surname, [])
        if surname in self.kb.given_names:  # "Anton" may be anyone's first name
            ids = [i for i in ids if fold(self.kb.actors[i].name) in fold(self.text)]
        if len(ids) == 1:
            return self.kb.actors[ids[0]]
        party = self.party_in(text)
        fitting = [
            i
            for i in ids
            if (party is None or self.kb.actors[i].party_on(self.day) == party)
            and any(r.active_on(self.day) for r in self.kb.actors[i].roles)
        ]
        return self.kb.actors[fitting[0]] if len(fitting) == 1 else None

    def context_party(self, mention: str, before: str = "", after: str = "") -> str:
        """A party for an unknown name: only an official role with a nationality gives one,
        read nearest first: the mention and its description, then the words before the
        name's first appearance, then those after it, where a possessive names someone
        else's ("said she was puzzled by Kellogg's remarks")."""
        folded = set(Words.of(f"{mention} {before} {after}").folded)
        if folded & self.kb.private_roles or says_former(Words.of(mention).folded):
            return "NONE"  # "Mikhail Kasyanov, a former Russian prime minister"
        if not folded & (self.kb.official_roles | INSTITUTION_HEADS):
            return "NONE"
        party = self.party_in(mention) or self.party_in(before) or self.nationality(after)
        return party or "NONE"
