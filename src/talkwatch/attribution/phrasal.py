"""Phrases around a cue: its name (its lemma, with the particle of a phrasal cue: "call
for", "push back"), a time after it, a list of places in what it reports, a time clause
that dates it, a question put to the speaker rather than said by them, and a report the
parse hung on what it reports."""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Token


def cue_name(verb: Token, particles: Set[str]) -> str:
    """The cue's lemma, with its particle when phrasal: the particle the parse marks as
    one, or a preposition after the verb with only adverbs or a time between ("called
    again for", "called on Monday for"); not a time's own preposition ("called it
    impactful on Sunday", "called on Monday for": not "call on")."""
    lemma = verb.lemma_.lower()
    # the word right after the verb, whatever the parse hung it on ("called for the
    # community to respect": "for" marks the clause), then the verb's own
    following = [verb.nbor()] if verb.i + 1 < len(verb.doc) else []
    for token in [*following, *verb.children]:
        if token.lower_ not in particles or of_a_time(token):
            continue
        between = verb.doc[verb.i + 1 : token.i]
        if token.dep_ == "prt" or (
            token.i > verb.i and all(t.pos_ == "ADV" or _in_a_time(t) for t in between)
        ):
            return f"{lemma} {token.lower_}"
    return lemma


def of_a_time(token: Token) -> bool:
    """A preposition whose object is a date or a time: "on Monday", "in March"."""
    return token.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in token.children)


def _in_a_time(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME") or of_a_time(token)


# Where or when words are said, not places of what is said: "in a speech in Moscow".
OCCASIONS = frozenset(
    ["speech", "interview", "statement", "address", "briefing", "meeting", "conference",
     "call", "message", "post", "video", "letter", "session", "summit", "visit", "talk"]
)  # fmt: skip


def listed_place(prep: Token, tokens: list[Token]) -> bool:
    """`calls for a ceasefire on land, at sea and in the air`: a list of phrases of one
    kind after the object, which the parse hangs on the verb after the comma."""
    comma = prep.doc[prep.i - 1]
    listed = [prep, *(c for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP")]
    before = [t for t in tokens if t.dep_ == "prep"]
    return (
        comma.text == ","
        and comma.i - 1 == max(t.i for t in tokens)
        and len(listed) > 1
        and bool(before)
        and not of_a_time(before[-1])  # "on Monday, in Paris and in London": when, where
        and all(_common_place(p) for p in listed)
    )


def _common_place(prep: Token) -> bool:
    """A phrase of a place by a common noun ("at sea", "in the air"): not a named place
    ("in Paris"), where something was said, nor an occasion ("in a speech", "in an
    interview with RIA")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(
        o.pos_ == "NOUN" and not o.ent_type_ and o.lemma_.lower() not in OCCASIONS
        for o in objects
    )


# The cues of an answer to a question put ("Zelensky, asked if ..., told reporters").
REPLIES = frozenset(["say", "tell", "reply", "answer", "respond", "add", "insist"])


def put_to_speaker(verb: Token) -> bool:
    """ "Asked whether Russia would attend, Peskov said": the question a journalist put to
    the speaker, no words of the speaker's. "ask" with no subject of its own (a participle:
    "Asked whether", "when asked if", "Peskov, asked by reporters whether"), passive ("was
    asked whether"), or set off by commas after the speaker's name before the speaker's
    own cue or after it ("Zelensky, asked if he was aware, told reporters"; "..., he said,
    asked whether ..."). Not "Zelensky asked whether the West would send air defence", nor
    "Zelensky, speaking in London, asked whether ...": his question."""
    if verb.lemma_.lower() != "ask":
        return False
    deps = {c.dep_ for c in verb.children}
    if deps & {"nsubjpass", "auxpass"} or verb.dep_ == "acl":
        return True
    if verb.dep_ == "advcl" and not deps & {"nsubj", "csubj"}:
        return True
    # the parse may make "asked" the head of the speaker's own cue
    answered = any(c.dep_ in ("ccomp", "parataxis", "conj") and c.lemma_ in REPLIES
                   for c in verb.children)  # fmt: skip
    return answered and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def dates_the_call(clause: Token) -> bool:
    """A time clause that dates the call rather than conditions what was called for
    (", only after Russia had rejected ...", "once the fighting began last week"): set
    off by a comma, in the past perfect, or holding a date."""
    first = clause.left_edge
    return (first.i > 0 and clause.doc[first.i - 1].text == ",") or any(
        t.ent_type_ in ("DATE", "TIME") or (t.dep_ == "aux" and t.lower_ == "had")
        for t in clause.subtree
    )


def inverted_report(verb: Token) -> Token | None:
    """ "The Financial Times reported on Thursday, citing people familiar with the matter,
    that Russian negotiators had agreed ...": the parse may hang the report on the clause
    it reports, whose "that" comes after it. That clause, when so; None otherwise."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i < verb.i or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    marks = [c for c in head.children if c.dep_ == "mark" and c.lower_ == "that"]
    return head if marks and verb.i < marks[0].i else None
