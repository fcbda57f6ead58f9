"""Pass 7: words a later sentence credits to a speaker ("This was stated by X").

Wire services that translate from Russian and Ukrainian put the speaker after what
was said, in a sentence of its own: "The summit will not reach a final agreement but
aims to create the basis for a just peace. This was emphasized by Swiss President
Viola Amherd during the opening ...". The sentence before is the speaker's words.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .run import MIN_INDIRECT_WORDS, Found
from .speakers import Speakers

# What stands for the words said: "this was stated by", "that was announced by"
POINTING = frozenset(["this", "that"])


class SaidBy(Speakers):
    """Statements credited to a speaker by a passive cue after them."""

    def said_by(self) -> Iterator[Found]:
        for verb in self.doc:
            agent = self.credited(verb)
            if agent is None or verb.i in self.used_cues:
                continue
            sentence = verb.sent
            if sentence.start == 0:
                continue
            before = self.doc[sentence.start - 1].sent
            if any(self.in_quotation(t) for t in before if not t.is_punct):
                continue  # a quotation before has a cue of its own, or continues one
            if any(t.i in self.used_cues or self.is_reporting(t) for t in before):
                continue  # "X repeated his refutation of ... This was also denied by Y"
            span = self.trimmed(before.start_char, before.end_char)
            if span is None or len(self.text[span.start : span.end].split()) < MIN_INDIRECT_WORDS:
                continue
            self.used_cues.add(verb.i)
            yield Found([span], "indirect", agent, verb.lemma_.lower(), verb)

    def credited(self, verb: Token) -> Token | None:
        """The speaker of "This was stated by X": a cue in the passive whose subject
        points back ("this", "that") and whose agent names someone."""
        if verb.tag_ != "VBN" or verb.lemma_.lower() not in self.cues.speech_verbs:
            return None
        unsaid = any(
            c.dep_ == "neg" or c.lower_ == "never" or c.lower_ in self.cues.hypothetical_modals
            for c in verb.children
        )
        if unsaid:
            return None  # "This was not confirmed by Peskov", "This could be confirmed by"
        if self.in_quotation(verb) or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            return None
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        opens = len(subjects) == 1 and subjects[0].i == verb.sent.start
        if not opens or subjects[0].lower_ not in POINTING:
            return None
        agents = [
            g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        if not agents:
            return None
        agent = agents[0]
        named = (
            agent.pos_ == "PROPN"
            or agent.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or agent.lemma_.lower() in self.cues.actor_nouns
        )
        return self.actor_or_none(agent, verb) if named else None
