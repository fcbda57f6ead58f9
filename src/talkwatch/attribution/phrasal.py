"""A cue's name: its lemma, with the particle of a phrasal cue ("call for", "push back")."""

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
