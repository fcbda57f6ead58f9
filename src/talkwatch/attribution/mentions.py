"""Speaker mentions: the words that name a speaker, and what kind of name they are."""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp import DATELINE
from ..records import Mention, Span
from .run import Run, last_word

CORE_EXCLUDED_DEPS = {"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis"}
# Possessive pronouns of an institution or a group, which own a text that speaks for them.
OWNERS = frozenset(["its", "their"])
QUANTIFIERS = {
    "one",
    "some",
    "many",
    "several",
    "two",
    "three",
    "four",
    "five",
    "none",
    "each",
    "both",
    "all",
    "most",
    "few",
    "another",
    "either",
    "neither",
    "any",
    "those",  # "those close to him" describes a group; it does not refer back to "him"
    "these",
}


class Mentions(Run):
    """The mention a speaker token stands for."""

    def core_tokens(self, subject: Token) -> list[Token]:
        keep_preps = subject.lower_ in QUANTIFIERS or subject.pos_ in ("NUM", "PRON")
        # "Cummings of Maryland": a person's "of" phrase is a place, not part of the name
        person = _person_name(subject)
        # "those close to him", "those who attended": the adjective and the clause describe
        group = _demonstrative(subject)
        excluded: set[int] = set()
        lemma = subject.lemma_.lower()
        unnamed = lemma in self.cues.person_nouns or lemma in UNNAMED
        for child in subject.children:
            foreign_prep = (
                child.dep_ == "prep" and not keep_preps and (child.lower_ != "of" or person)
            )
            post_modifier = child.dep_ == "amod" and child.i > subject.i and not group
            clause = child.dep_ in CORE_EXCLUDED_DEPS and not (group and child.dep_ == "relcl")
            adverb = child.dep_ == "advmod" and child.i < subject.i  # "Even China said"
            # "Both Putin and Trump described": "both" is no part of a name (not "neither",
            # which says the named did not say it)
            adverb = adverb or (child.lower_ == "both" and subject.pos_ == "PROPN")

            if (foreign_prep or post_modifier) and unnamed and _names_its_side(subject, child):
                continue  # "a source in the Ukrainian delegation", "a source close to the Kremlin"
            if clause or foreign_prep or post_modifier or adverb:
                excluded |= {t.i for t in child.subtree}
        # a relative clause deeper in the phrase describes too: "the special representative
        # of the Chinese government Li Hui, who visited Ukraine, ..."
        for t in subject.subtree:
            if t.dep_ == "relcl" and t.head.i != subject.i and t.i not in excluded:
                excluded |= {u.i for u in t.subtree}
                before = t.left_edge.i - 1
                if before > subject.left_edge.i and self.doc[before].is_punct:
                    excluded.add(before)
        stranded = stranded_complement(subject)  # and the comma after it
        excluded |= {t.i for t in stranded} | {t.i + 1 for t in stranded[-1:]}
        core = [
            t
            for t in subject.subtree
            if t.i not in excluded and not t.is_space and not self.in_quotation(t)
        ]
        # "RIYADH, March 11, 2025 (Reuters) - Ukraine said": the parse made the dateline the
        # subject and the name after it an apposition; the name speaks
        line = DATELINE.match(self.text, subject.left_edge.idx)
        if line and core and all(t.idx < line.end() for t in core):
            named = [t for t in subject.subtree if t.idx >= line.end() and not t.is_punct]
            if named:
                return named
        return _without_dateline(core)

    def titled_appositive(self, subject: Token) -> list[Token] | None:
        """A name in apposition to a title that the tagger took for an organisation ("His
        chief of staff, Rustem Umerov, has denied"): two or three proper nouns, none an
        institution's word."""
        if subject.lower_ not in self.cues.person_nouns or subject.ent_type_ == "PERSON":
            return None
        for child in subject.children:
            words = list(child.subtree)
            if (
                child.dep_ == "appos"
                and 2 <= len(words) <= 3
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words)
                and not any(t.lower_ in self.cues.institution_words for t in words)
            ):
                return words
        return None

    def trailing_name(self, subject: Token, core: list[Token]) -> list[Token] | None:
        """The person a title's phrase ends with, where the parse hung the name on the
        phrase after the title ("Director-general in the Department of International
        Relations Zane Dangor said", "Permanent Representative to the UN Dmitry
        Polyanskiy wrote"): the last two of three or more proper nouns that close the
        phrase, unless they end in an institution's word ("the State Duma Committee")."""
        title = subject.lower_ in self.cues.person_nouns  # "Representative", "envoy"
        if subject.ent_type_ == "PERSON" or not title:
            return None
        in_core = {c.i for c in core}
        words = [t for t in subject.subtree if t.i > subject.i and t.i not in in_core]
        run: list[Token] = []
        for token in reversed(words):
            if token.pos_ != "PROPN" or not token.text[:1].isupper():
                break
            run.insert(0, token)
        if not words or not run or run[-1].i != subject.right_edge.i or len(run) < 3:
            return None
        name = run[-2:]
        places = ("GPE", "LOC", "NORP", "FAC")  # "the ambassador to the United Arab Emirates"
        if any(t.lower_ in self.cues.institution_words or t.ent_type_ in places for t in name):
            return None
        phrases = [c for c in subject.children if c.dep_ == "prep"]  # not "X and Y" subjects
        if not all(any(a in phrases for a in t.ancestors) for t in name):
            return None
        return name

    def mention_of(self, subject: Token) -> Mention:
        core = self.core_tokens(subject) or [subject]
        start, end = core[0].idx, core[-1].idx + len(core[-1].text)
        described = [
            c
            for c in subject.children
            if c.dep_ in ("appos", "relcl", "acl")
            or (c.dep_ == "amod" and c.i > subject.i)
            or (c.dep_ == "prep" and c.lower_ == "of" and _person_name(subject))
        ]
        named = (
            appositive_name(subject)
            or self.titled_appositive(subject)
            or self.trailing_name(subject, core)
        )
        if named is not None and subject.ent_type_ != "PERSON":
            # "the head of the Russian delegation, Vladimir Medinsky, said", "Zelensky's
            # adviser, Mykola Hrytsenko, said": the name speaks; the title and any
            # clause about it describe it (and give the party of a name the
            # knowledge base does not know).
            about = [c for c in described if c.dep_ != "appos"]
            description = " ".join(
                [self.text[start:end], *(" ".join(t.text for t in c.subtree) for c in about)]
            )
            first, last = named[0].idx, named[-1].idx + len(named[-1].text)
            return Mention(
                self.text[first:last], Span(first, last), "name", description=description
            )
        description = " ".join(" ".join(t.text for t in c.subtree) for c in described)
        owned = self.owned_text(subject)  # "Its memorandum calls for": its owner speaks
        return Mention(
            self.text[start:end],
            Span(start, end),
            "pronoun" if owned else _mention_kind(subject, core),
            description=description,
        )

    def owned_text(self, subject: Token) -> bool:
        """A text that "its" or "their" owns ("Its statement said", "their letter
        urged"): the owner the pronoun stands for speaks, as for "it said"."""
        return subject.lemma_.lower() in self.cues.container_nouns and any(
            c.dep_ == "poss" and c.lower_ in OWNERS for c in subject.children
        )


def stranded_complement(subject: Token) -> list[Token]:
    """The end of a reported clause that the parse hung on the speaker's phrase, up to the
    comma after it: "The talks ... were *constructive*, Russian delegation head Vladimir
    Medinsky said". Up to four words, no name among them, right after the clause."""
    verb, words = subject.head, list(subject.subtree)
    if subject.dep_ != "nsubj" or verb.i < subject.i or subject.left_edge.i == 0:
        return []
    before = subject.doc[subject.left_edge.i - 1]
    if before.pos_ not in ("AUX", "VERB") or not any(
        c.dep_ == "ccomp" and c.right_edge.i == before.i for c in verb.children
    ):
        return []
    comma = next((k for k, t in enumerate(words) if t.text == ","), None)
    if comma is None or not 0 < comma <= 4 or words[comma].i >= subject.i:
        return []
    stranded = words[:comma]
    if any(t.pos_ in ("PROPN", "PRON", "DET") for t in stranded):
        return []
    return stranded


def appositive_name(subject: Token) -> list[Token] | None:
    """The person's name in apposition to a subject ("the head of the delegation,
    Vladimir Medinsky"), its words in order, or None."""
    # The parser often hangs the name on the last noun before it ("a spokesman for the
    # Kremlin, Dmitry Peskov,"): an apposition that closes the subject phrase names the
    # subject when that noun is itself a name, which takes no second name. After a
    # title ("a spokesman for the prime minister, Keir Starmer,") it names the title.
    # the phrase ends before a clause about it: "the envoy for Ukraine, Keith Kellogg,
    # speaking on Fox News, described"
    clauses = [c for c in subject.children if c.dep_ in ("acl", "relcl") and c.i > subject.i]
    last = last_word(subject)
    if clauses:
        last = clauses[0].left_edge.i - 1
        while last > subject.i and subject.doc[last].is_punct:
            last -= 1
    closing = [
        t
        for t in subject.subtree
        if t.dep_ == "appos"
        and t.head.i != subject.i
        and t.head.pos_ == "PROPN"
        and t.right_edge.i == last
    ]
    for child in [c for c in subject.children if c.dep_ == "appos"] + closing:
        if child.ent_type_ != "PERSON" or child.pos_ != "PROPN":
            continue
        words = [t for t in child.subtree if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
        if words and words[-1].i - words[0].i + 1 == len(words):
            return words
    return None


def _without_dateline(core: list[Token]) -> list[Token]:
    """A mention without the dateline the parse joined to it ("BRUSSELS - European
    leaders", "GENEVA, April 10, 2025 - Ukrainian Foreign Minister"): a place and a
    date then a dash open the article, not the speaker's name."""
    if core:
        start = core[0].idx
        # the span's own text: Doc.text would join every token of the document each time
        text = core[0].doc[core[0].i : core[-1].i + 1].text
        dateline = DATELINE.match(text)
        if dateline and any(t.idx >= start + dateline.end() for t in core):
            return [t for t in core if t.idx >= start + dateline.end()]
    for i, token in enumerate(core[1:8], start=1):
        # a dash with a space before it: not "NATO-Ukraine Council members"
        dash = token.text in ("-", "—", "–", "--") and bool(core[i - 1].whitespace_)
        dated = (t.is_upper or t.is_punct or t.like_num or t.ent_type_ == "DATE" for t in core[:i])
        if dash and all(dated):
            return core[i + 1 :]
    return core


# Heads of an unnamed source whose phrase may tell whose it is: "a source in the Ukrainian
# delegation", "reports from AFP".
UNNAMED = frozenset(["source", "report"])
# Prepositions after an unnamed speaker that say whose it is ("a source in the Ukrainian
# delegation", "an official from the ministry", "a source close to the Kremlin"); the
# resolver reads the same words (actors.shapes.SIDE_WORDS; a test keeps them equal).
SIDE_PREPOSITIONS = frozenset(["in", "within", "inside", "from", "at", "to"])
# People who serve someone, and the leaders they serve: "an adviser to the president"
# (actors.shapes.SERVING: the same, for the resolver; a test keeps them equal).
SERVING = frozenset(["adviser", "advisor", "aide", "assistant", "counsellor", "counselor"])
LEADERS = frozenset(["president", "leader", "chancellor", "premier", "minister", "king"])
# Bodies whose people speak for a side: "the Ukrainian delegation", "the Kremlin".
SIDE_BODIES = frozenset(
    ["delegation", "government", "ministry", "office", "embassy", "administration",
     "presidency", "kremlin", "team", "camp", "leadership", "mission", "command", "army",
     "military", "cabinet", "parliament", "side", "circles", "service", "services"]
)  # fmt: skip


def _names_its_side(subject: Token, child: Token) -> bool:
    """Whether a phrase after an unnamed speaker tells whose side it is: its object is a
    body ("a source in the Ukrainian delegation", "an official from the Russian Defence
    Ministry", "a source close to the Kremlin") or, for officials, a seat of government
    ("officials in Kyiv"); not another place ("a Western diplomat in
    Moscow"), an event or a text ("a diplomat at the NATO summit", "a source familiar
    with the Russian proposal"), and not when the words before the noun already tell ("a
    European official at the summit")."""
    if subject.pos_ != "NOUN" or any(t.ent_type_ in ("NORP", "ORG", "GPE") for t in subject.lefts):
        return False
    if child.dep_ != "prep" and child.lower_ != "close":
        return False  # "close to the Kremlin", not "familiar with the proposal"
    preps = [child] if child.dep_ == "prep" else [c for c in child.children if c.dep_ == "prep"]
    for prep in preps:
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ not in SIDE_PREPOSITIONS or not objects:
            continue
        body = objects[0]
        if any(c.dep_ == "conj" for c in body.children):
            return False  # "leaders from key European countries, Canada and Japan": several
        named = body.ent_type_ == "ORG" and body.pos_ == "PROPN"
        # "an adviser to the Ukrainian president", "an aide to Zelensky": whom they serve
        served = prep.lower_ == "to" and subject.lemma_.lower() in SERVING
        served = served and (body.ent_type_ == "PERSON" or body.lemma_.lower() in LEADERS)
        named = named or served
        # "officials in Kyiv": a government's seat, for its officials (a diplomat in
        # Moscow may be anyone's)
        seat = subject.lemma_.lower() == "official" and body.pos_ == "PROPN"
        seat = seat and body.ent_type_ in ("GPE", "")  # the model may not know "Kyiv"
        if named or seat or body.lemma_.lower() in SIDE_BODIES:
            return True
    return False


def _demonstrative(token: Token) -> bool:
    return token.lower_ in ("those", "these")


def _person_name(token: Token) -> bool:
    """A person's name, whose "of" phrase says where the person is from ("Rep. Elijah
    Cummings of Maryland"), unlike a title's ("the head of the delegation")."""
    return token.pos_ == "PROPN" and token.ent_type_ == "PERSON"


def _mention_kind(subject: Token, core: list[Token]) -> str:
    if subject.pos_ == "PRON":  # "some", "many of them" describe; "he", "they" refer back
        return "descriptor" if subject.lower_ in QUANTIFIERS else "pronoun"
    served = [c for c in subject.children if c.dep_ == "prep" and c.lower_ == "to"]
    if subject.lemma_.lower() in SERVING and served:
        return "descriptor"  # "an aide to President Zelensky" is not Zelensky
    if any(t.ent_type_ == "PERSON" for t in core):
        return "name"
    if subject.ent_type_ in ("GPE", "ORG", "NORP"):
        return "institution"
    return "name" if subject.pos_ == "PROPN" else "descriptor"
