"""Shapes of a descriptor or a name that decide how it resolves: a person's title over
an institution ("the head of the President's Office"), someone of a state ("a top
diplomat of Sweden"), others related to a party ("Ukraine's allies"), a family name
written first ("Li" for Li Hui); the party a phrase's nationality or possessive gives, and
a one-word name written in full elsewhere."""

from __future__ import annotations

import re

from .knowledge import Actor, KnowledgeBase, fold
from .words import (
    HONORIFICS,
    INDEFINITE,
    INSTITUTION_HEADS,
    OUTLET_HEADS,
    RELATIONAL_HEADS,
    REPORTING_HEADS,
    PhraseFinder,
    Words,
    bare,
    could_be_given,
)

PREPOSITIONS = frozenset(["of", "from", "in", "at", "for", "to", "with", "on"])
# What follows an unnamed speaker to tell whose it is: "a source in/close to ...", the
# words attribution.mentions.SIDE_PREPOSITIONS keeps on a mention (a test keeps them equal).
SIDE_WORDS = frozenset(["in", "within", "inside", "from", "at", "close"])
# People who serve someone, whom "to" joins to whom they serve ("an aide to Zelensky");
# the same as attribution.mentions.SERVING (a test keeps them equal).
SERVING = frozenset(["adviser", "advisor", "aide", "assistant", "counsellor", "counselor"])


class DescriptorShapes:
    """Tests on a descriptor's words, for ``Resolver``."""

    kb: KnowledgeBase
    day: str | None
    text: str
    people_heads: frozenset[str]
    nationality: PhraseFinder

    def related(self, words: Words) -> bool:
        """Others related to a party, who are not it: "Ukraine's allies", "Western allies of
        Ukraine", "Putin's critics"."""
        folded = words.folded
        for i, word in enumerate(folded):
            if word not in RELATIONAL_HEADS:
                continue
            owned = any(w.endswith(("'s", "’s")) for w in words.raw[:i])
            if owned or folded[i + 1 : i + 2] == ["of"]:
                return True
        return False

    def someone_at(self, words: Words) -> str | None:
        """The head of people of an institution, nobody's name: "official" in "an official
        from the Russian Defence Ministry", "officials" in "officials at Immigration and
        Customs Enforcement", "aide" in "an aide to President Zelensky"; None for any other
        shape."""
        lead = words.folded[1:] if words.folded[0] in ("a", "an") else words.folded
        for k, word in enumerate(lead[:3]):
            if word in self.people_heads:
                if len(lead) <= k + 2:
                    return None
                joined = lead[k + 1] in SIDE_WORDS or (lead[k + 1] == "to" and word in SERVING)
                return word if joined else None
        return None

    def outlet_within(self, words: Words) -> Actor | None:
        """The outlet an outlet's description names ("Russia's state RIA news agency",
        "Ukraine's Ukrinform news agency"): the outlet, which speaks for no side."""
        if words.folded[-1] not in OUTLET_HEADS:
            return None
        for word in words.raw[:-1]:
            actor = self.kb.named(bare(word)) if word[:1].isupper() else None
            if actor is not None and actor.type == "outlet":
                return actor
        return None

    def outlet_after(self, words: Words) -> Actor | None:
        """The outlet whose reports or sources a mention names ("earlier reports from the
        Wall Street Journal", "sources in The Financial Times"): the outlet reports. Not
        "a source in the Kremlin", whose source stays unnamed."""
        heads = [i for i, w in enumerate(words.folded[:3]) if w in REPORTING_HEADS]
        if not heads or len(words.raw) < heads[0] + 3:
            return None
        if words.folded[heads[0] + 1] not in ("from", "in", "at", "of", "by"):
            return None
        rest = [bare(w) for w in words.raw[heads[0] + 2 :] if w.lower() != "the"]
        for begin in range(len(rest)):
            actor = self.kb.named(" ".join(rest[begin:]))
            if actor is not None and actor.type == "outlet":
                return actor
        return None

    def someone_of(self, words: Words) -> bool:
        """An indefinite person "of" a place or body: "a top diplomat of Sweden", "an
        adviser of the Kremlin". The name after "of" is whose, not who."""
        folded = words.folded
        if folded[0] not in INDEFINITE or "of" not in folded[1:]:
            return False
        return any(w in self.people_heads for w in folded[1 : folded.index("of", 1)])

    def head_of(self, words: Words) -> bool:
        """'the head of X', 'the chairman of X' with X an institution ("the President's
        Office", "the State Duma Committee on International Affairs"): a person's
        title, not the institution's name, and no name follows."""
        folded = words.folded
        return (
            len(folded) > 3
            and folded[0] == "the"
            and folded[2] == "of"
            and folded[1] in self.kb.official_roles | self.kb.office_heads
            and any(w in INSTITUTION_HEADS for w in folded[3:])
            and folded[-1] in INSTITUTION_HEADS | self.kb.institution_ends
        )

    def body_after_of(self, words: Words) -> str | None:
        """The party of the known state or body a descriptor's "of" names ("a top
        diplomat of Sweden", "an adviser of the Kremlin"), or of whom someone serving
        serves ("an aide to President Zelensky")."""
        folded = words.folded
        head = self.someone_at(words)
        joint = "to" if head in SERVING and "to" in folded[1:] else "of"
        if joint not in folded[1:]:
            return None
        after = [w for w in words.raw[folded.index(joint, 1) + 1 :] if w.lower() != "the"]
        # whom "to" joins is a person too ("an aide to President Zelensky"), a title first
        while joint == "to" and len(after) > 1 and after[0].lower() in self.people_heads:
            after = after[1:]
        actor = self.kb.named(" ".join(after)) if after else None
        if actor is None and joint == "to" and after:  # "an aide to Zelensky": by surname
            actor = self.by_surname_actor(after[-1])
        if actor is None or actor.party_on(self.day) == "NONE":
            return None
        if actor.type == "person" and joint == "of":
            return None
        return actor.party_on(self.day)

    def institution_before(self, words: Words, at: int | None) -> Actor | None:
        """The known institution of this kind the article named last before ``at``:
        "the ministry" after "Ukraine's Foreign Ministry" criticised Hungary; not when
        the description says more than its kind ("the ministry of culture")."""
        head = words.folded[-1]
        if head not in INSTITUTION_HEADS or len(words.folded) > 2 or at is None:
            return None
        before = self.text[:at].lower().replace("’", "'")
        best: tuple[int, int, Actor] | None = None  # where the name ends, its length
        for actor in self.kb.actors.values():
            if actor.type not in ("institution", "government"):
                continue
            for name in (actor.name, *actor.aliases):
                if name.lower().split()[-1] != head:
                    continue
                for found in re.finditer(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", before):
                    prior = re.search(r"([\w'-]+)\s+$", before[: found.start()])
                    side = self.kb.nationalities.get(fold(prior.group(1))) if prior else None
                    if side is not None and side != actor.party:
                        continue  # "the German Foreign Office" is not the British one
                    rank = (found.end(), len(name), actor)
                    if best is None or rank[:2] > best[:2]:
                        best = rank
        return best[2] if best else None

    def family_name_first(self, name_words: list[str]) -> Actor | None:
        """The one known person whose name starts with this single word and is written
        in full in the text: "Li" for Li Hui, "Wang" for Wang Yi (family name first)."""
        if len(name_words) != 1:
            return None
        first = fold(name_words[0]) + " "
        found = {
            actor.id
            for actor in self.kb.actors.values()
            if actor.type == "person"
            and fold(actor.name).startswith(first)
            and actor.name in self.text
        }
        return self.kb.actors[found.pop()] if len(found) == 1 else None

    def party_in(self, text: str) -> str | None:
        """The party a nationality word or a known actor's possessive in the text points to."""
        for match in re.finditer(r"([A-Z][\w-]+)['’]s\b", text):
            actor = self.kb.named(match.group(1)) or self.by_surname_actor(match.group(1))
            if actor is not None and actor.party_on(self.day) != "NONE":
                return actor.party_on(self.day)
        return self.nationality(text)

    def by_surname_actor(self, word: str) -> Actor | None:
        ids = self.kb.by_surname.get(fold(word), [])
        return self.kb.actors[ids[0]] if len(ids) == 1 else None

    def fuller_name(self, name_words: list[str]) -> str:
        """A one-word name written in full elsewhere in the text (`Witkoff` -> `Steve Witkoff`)."""
        if not name_words:
            return ""
        word = name_words[0]
        for match in re.finditer(r"\b([A-Z][\w'’-]+) " + re.escape(word) + r"\b", self.text):
            first = match.group(1)
            if not could_be_given(first) or fold(first) in self.title_words():
                continue
            if self.party_in(first) is None:
                return f"{first} {word}"
        return word

    def title_words(self) -> frozenset[str]:
        return self.kb.title_words | HONORIFICS


    def title_before(self, words: Words, at: int | None) -> Actor | None:
        """The holder of the fuller title a bare "the minister" takes up: the last one the
        text gives before ``at`` with its side ("Ukraine's foreign minister held a call
        ... The minister said"), where one person holds it on the article's date."""
        if len(words.folded) != 2 or words.folded[1] not in self.kb.official_roles or not at:
            return None
        head = re.escape(words.folded[1])
        pattern = rf"\b([A-Z][\w-]*['’]s|[A-Z][a-z]+(?:n|ian|ish|ese)) ((?:[a-z]+ ){{0,2}}{head})\b"
        found = list(re.finditer(pattern, self.text[:at]))
        if not found:
            return None
        owner, title = found[-1].group(1), found[-1].group(2)
        party = self.party_in(owner) if owner.endswith(("'s", "’s")) else self.nationality(owner)
        if party is None:
            return None
        holders = {
            actor_id
            for actor_id, role in self.kb.by_title.get(title, [])
            if role.active_on(self.day) and role.party == party
        }
        return self.kb.actors[holders.pop()] if len(holders) == 1 else None

def before_a_preposition(words: list[str]) -> list[str]:
    """A descriptor's words up to its first preposition: "a senior European diplomat",
    not "a diplomat from a European country"."""
    cut = next((i for i, w in enumerate(words) if w in PREPOSITIONS), len(words))
    return words[:cut]
