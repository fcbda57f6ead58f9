"""Whose act a clause is, seen from the speaker: the guide's "who gives, who is asked".

A subject is the speaker's own side (``self``: "we", "Kyiv" said by a Ukrainian,
"he" in reported speech, a bloc the speaker's state belongs to), another side
(``other``) or ``unknown`` (no side, or a speaker of none). ``stance_clause``
decides stances from these sides; the word lists are its ``ClauseRules``'.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .records import has_side
from .speech_act import SOMEONE, Clause, Predicate

SELF, OTHER, UNKNOWN = "self", "other", "unknown"


@dataclass(frozen=True)
class Judgement:
    stance: str
    reason: str
    side: str  # whose act it is: self, other or unknown
    main: bool = True  # decided by the quote's first predicate


class Sides:
    """Sides of subjects, for ``stance_clause.ClauseRules``."""

    words: Mapping[str, frozenset[str]]
    blocs: Mapping[str, frozenset[str]]  # a bloc's code -> the parties that belong to it

    def has(self, group: str, word: str) -> bool:
        return word in self.words.get(group, frozenset())

    def side(
        self,
        subject: str,
        speaker_party: str,
        kind: str,
        party_of: Callable[[str], str],
        possessive: bool = True,
    ) -> str:
        """Whose subject it is, seen from the speaker: self, other or unknown."""
        words = [w for w in subject.replace("’", "'").split() if w != "US"]  # not "us"
        words = [w.lower() for w in words]
        if not words:
            return UNKNOWN
        if any(self.has("first_person", w) for w in words):
            return SELF
        if any(self.has("addressee", w) for w in words):
            return OTHER
        reported = kind != "direct" and speaker_party != "NONE"
        if len(words) == 1 and reported and self.has("reported_self", words[0]):
            return SELF
        own = possessive and words[0] in ("his", "her") and self.has("agents", words[-1])
        if reported and own:  # "his national security adviser would be in Geneva"
            return SELF
        parties = [
            party
            for part in subject.split(" and ")
            if self.is_agent(part) and (party := party_of(part) or _european(part))
        ]
        if not parties or not has_side(speaker_party):
            return UNKNOWN  # a side unknown, or none: a reporter's subjects are no one's "other"
        if speaker_party in parties or any(
            speaker_party in self.blocs.get(p, frozenset()) for p in parties
        ):
            return SELF
        return OTHER

    def without_others(
        self, clause: Clause, speaker_party: str, kind: str, party_of: Callable[[str], str]
    ) -> Clause:
        """``clause`` without what another side's agent (or someone unnamed, in the passive)
        is reported in it to have said: "Merz has stated that Germany must prepare for
        war", in Lavrov's words, asks nothing of Lavrov; the speaker's side's own reported
        words ("Moscow has stated that Kyiv must ...", said by Peskov) stay."""

        def own(who: str) -> bool:
            if who == SOMEONE:
                return False
            return not self.is_agent(who) or self.side(who, speaker_party, kind, party_of) == SELF

        return Clause(
            tuple(p for p in clause.predicates if own(p.reported_by)),
            tuple((who, words) for who, words in clause.reported if not own(who)),
        )

    def is_agent(self, phrase: str) -> bool:
        """A name ("Moscow", "the Kremlin") or an agent noun ("Russian troops"), not a thing."""
        head = phrase.split()[-1] if phrase.split() else ""
        return head[:1].isupper() or self.has("agents", head.lower())

    def wanted_of_other(
        self,
        predicate: Predicate,
        side: str,
        speaker_party: str,
        kind: str,
        party_of: Callable[[str], str],
    ) -> Judgement | None:
        """ "Russia wants Ukraine to withdraw", said by Moscow: the speaker's side wants
        another side to act, which asks it of them. The wanted act has a subject of its
        own, the other side's."""
        steps = predicate.steps
        if side != SELF or len(steps) < 2 or steps[0].negated:
            return None
        wish = not steps[0].modals or (  # "would like Beijing to press"
            "would" in steps[0].modals and self.has("would_volition", steps[0].lemma)
        )
        who = steps[1].subject or steps[1].controller
        if not (wish and self.has("wanting", steps[0].lemma) and who):
            return None
        doer = self.side(who, speaker_party, kind, party_of, possessive=False)
        if doer != OTHER:
            return None
        chain = f"{steps[0].word or steps[0].lemma} {who} {steps[1].lemma}"
        return Judgement("demand", f"wanted of another side: '{chain}' ({doer} side)", doer)

    def predicate_side(
        self,
        predicate: Predicate,
        speaker_party: str,
        kind: str,
        party_of: Callable[[str], str],
        possessive: bool = True,
    ) -> str:
        """The side of a predicate's subject, from its head phrase, or from the whole
        phrase when the head is an agent that names no side ("the national security
        adviser of the White House, Jake Sullivan"); not "talks between Russia and
        Ukraine", which no side is."""
        side = self.side(predicate.subject, speaker_party, kind, party_of, possessive)
        whole = predicate.subject_phrase
        if side == UNKNOWN and self.is_agent(predicate.subject) and whole != predicate.subject:
            side = self.side(whole, speaker_party, kind, party_of, possessive=False)
        return side


def _european(phrase: str) -> str:
    """The EU for "European countries", "Europeans": a side in a clause, though the
    word names no party for a speaker (the UK and Norway are European too)."""
    words = phrase.lower().replace("’", "'").split()
    return "EU" if set(words) & {"european", "europeans"} else ""
