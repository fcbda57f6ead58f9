"""Phrases around a cue: its name (its lemma, with the particle of a phrasal cue: "call
for", "push back"), a time after it, a list of places in what it reports, and a question
put to the speaker rather than said by them."""

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


def listed_place(prep: Token, tokens: list[Token]) -> bool:
    """`calls for a ceasefire on land, at sea and in the air`: a list of phrases of one
    kind after the object, which the parse hangs on the verb after the comma."""
    comma = prep.doc[prep.i - 1]
    return (
        comma.text == ","
        and comma.i - 1 == max(t.i for t in tokens)
        and any(t.dep_ == "prep" for t in tokens)
        and any(c.dep_ == "conj" and c.pos_ == "ADP" for c in prep.children)
    )


def put_to_speaker(verb: Token) -> bool:
    """ "Asked whether Russia would attend, Peskov said": the question a journalist put to
    the speaker, no words of the speaker's. "ask" with no subject of its own (a participle:
    "Asked whether", "when asked if", "Peskov, asked by reporters whether"), passive ("was
    asked whether"), or set off by commas after the speaker's name before the speaker's
    own cue or after it ("Zelensky, asked if he was aware, told reporters"; "..., he said,
    asked whether ..."). Not "Zelensky asked whether the West would send air defence": his
    question."""
    if verb.lemma_.lower() != "ask":
        return False
    deps = {c.dep_ for c in verb.children}
    if deps & {"nsubjpass", "auxpass"} or verb.dep_ == "acl":
        return True
    if verb.dep_ == "advcl" and not deps & {"nsubj", "csubj"}:
        return True
    return verb.i > 0 and verb.doc[verb.i - 1].text == ","
