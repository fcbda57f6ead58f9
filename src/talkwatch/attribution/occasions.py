"""When and where words were said, which are no part of what was said: a date hung on
the reported clause ("said on Tuesday it was ready"), an adverb before its "that"
("said earlier that"), and an occasion set off after it ("..., at a meeting with his
Turkish counterpart on November 8")."""

from __future__ import annotations

from spacy.tokens import Token

from .phrasal import OCCASIONS
from .speakers import SUBJECT_DEPS

# The prepositions of an occasion after what was said: not "after", "before" ("Russia
# will withdraw, after talks in Istanbul": when what was said is to happen).
OCCASION_PREPOSITIONS = frozenset(["at", "during", "in", "on", "via"])


def when_said(clause: Token) -> list[Token]:
    """ "said on Tuesday it was ready": a date the parse hung on the reported clause, before
    its subject, is when it was said."""
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    if not subjects or clause.i < subjects[0].i:
        return []
    return [
        t
        for c in clause.children
        if c.dep_ in ("prep", "npadvmod")
        and c.i < subjects[0].i
        and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
        for t in c.subtree
    ]


def before_that(clause: Token) -> list[Token]:
    """ "said earlier that ...": an adverb the parse hangs on the clause before its "that"
    tells when it was said."""
    marks = [m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"]
    if not marks:
        return []
    return [
        t
        for c in clause.children
        if c.dep_ in ("advmod", "npadvmod") and c.i < marks[0].i
        for t in c.subtree
    ]


def occasion_after(clause: Token) -> list[Token]:
    """ "said Moscow was ready to resume talks, at a meeting with his Turkish counterpart
    in Moscow on November 8": a phrase of an occasion of speaking that closes the
    reported clause after a comma tells where and when it was said, and the comma with
    it. Only an occasion's noun ("a meeting", "an interview", "a news conference"), not a
    place or a time of what was said ("will withdraw, in a week")."""
    end = clause.right_edge.i
    for token in clause.subtree:
        if (
            token.dep_ == "prep"
            and token.lower_ in OCCASION_PREPOSITIONS
            and token.i > clause.i
            and token.i > 0
            and token.doc[token.i - 1].text == ","
            and token.right_edge.i == end
            and any(o.dep_ == "pobj" and o.lemma_.lower() in OCCASIONS for o in token.children)
        ):
            return [token.doc[token.i - 1], *token.subtree]
    return []
