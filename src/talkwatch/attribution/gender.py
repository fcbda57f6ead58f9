"""Whether a speaker's mention names a woman, for whom "she" stands and "he" does not.

The words of ``cues.yaml`` decide: a given name common in the coverage ("Kaja
Kallas"), a word naming a woman ("spokeswoman"), or a Slavic woman's surname ending
("Zakharova"). A mention none of them marks is unknown, not a man's: "she" after a
man only turns to a woman quoted earlier when one was, and "he" never stands for a
mention marked as a woman's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..cues import Cues
from ..records import Mention

WORD = re.compile(r"[^\W\d_]+")


def feminine(cues: Cues, mention: Mention) -> bool:
    """Whether the mention names a woman: "she" itself, a given name or a word naming a
    woman in it, or a person's name ending as a Slavic woman's surname ("Zakharova"; not
    a place's, "Moldova")."""
    words = WORD.findall(mention.text.lower())
    if mention.kind == "pronoun":
        return words in (["she"], ["her"])
    if any(w in cues.feminine_names or w in cues.feminine_words for w in words):
        return True
    return mention.kind == "name" and bool(words) and words[-1].endswith(cues.feminine_endings)


def for_pronoun(
    cues: Cues, pronoun: str, named: Mention | None, people: Sequence[tuple[Mention, bool]]
) -> tuple[Mention | None, Mention | None]:
    """The pronoun's candidates that its gender allows: the person its own context names
    (``named``, kept unless "he" would stand for a woman) and the latest person quoted
    before it that can be meant (a woman for "she" when one was quoted). ``people`` are
    the persons quoted so far, each with whether it names a woman (``feminine``)."""
    she = pronoun.lower() in ("she", "her")
    if not she and named is not None and feminine(cues, named):
        named = None
    for person, woman in reversed(people):  # the latest first: most pronouns stop at once
        if woman == she:
            return named, person
    return named, (people[-1][0] if people and she else None)
