"""Where reported words end: what the parse leaves outside a cue's clause, or puts in it.

Shapes of news prose the dependency parse gets half right: a clause after a colon
that spells out what was said, a relay that closes the sentence (", Ukrinform
reports"), a conjunction left at the end of the words, a cue set inside them ("The
deal, the official said, allows ...") and a writer's aside closing them.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..records import Span
from .mentions import stranded_complement
from .phrasal import inverted_report
from .speakers import SUBJECT_DEPS, Speakers

CONDITIONS = frozenset(["if", "unless"])


class ClauseEdges(Speakers):
    """The edges of a cue's reported words."""

    def after_colon(self, verb: Token, spans: list[Span]) -> list[Span]:
        """`notes that three things are happening at once: home values are rising, ...`:
        the parse hangs the cue under the clause after the colon; what follows the colon
        spells out what was said, up to the sentence's end, unless a cue of its own is
        there."""
        head = verb.head
        if not spans or verb.dep_ != "ccomp" or head.i <= verb.i:
            return spans
        colon = [t for t in head.children if t.text == ":" and verb.i < t.i < head.i]
        if not colon or self.text[spans[-1].end : colon[0].idx].strip(" ,.;"):
            return spans  # the reported words must run up to the colon
        rest = [t for t in verb.sent if t.i > colon[0].i]
        if any(self.is_reporting(t) for t in rest):
            return spans
        tail = self.span_of_tokens(rest)
        return spans if tail is None else [*spans[:-1], Span(spans[-1].start, tail.end)]

    def stray_subject(self, verb: Token, spans: list[Span]) -> list[Span]:
        """`The negotiations, said Umerov, were constructive`: the parse hangs the reported
        clause's subject on the inverted cue, beside its speaker; it opens what was said."""
        words = [t for c in self.stray_subjects(verb) for t in c.subtree if not t.is_punct]
        if not spans or not words or verb.dep_ == "parataxis" or words[-1].idx > spans[0].start:
            return spans
        return [Span(words[0].idx, spans[0].end), *spans[1:]]  # parted by `around_cue`

    def present_conjunct(self, verb: Token, spans: list[Span]) -> list[Span]:
        """`has said that NATO membership was a cause of the war, is unacceptable and
        ...`, `told reporters that polls could be "way off," and have been unreliable`:
        a conjunct the parse hangs on a past cue, in the present and without a
        subject of its own, goes on with what was said (not "said the talks were useful
        and left for Moscow", the speaker's own act, in the cue's tense)."""
        if not spans or verb.tag_ not in ("VBD", "VBN"):
            return spans
        after = [
            c
            for c in verb.children
            if c.dep_ == "conj" and c.idx >= spans[-1].end and _in_the_present(c, verb)
        ]
        if not after or any(s.dep_ in SUBJECT_DEPS for s in after[0].children):
            return spans
        if self.is_reporting(after[0]) or self.in_quotation(after[0]):
            return spans
        tail = self.span_of_tokens([t for t in after[0].subtree if not t.is_punct])
        return spans if tail is None else [*spans[:-1], Span(spans[-1].start, tail.end)]

    def dashed_speech(self, verb: Token, spans: list[Span]) -> list[Span]:
        """`The first phase is over. We agreed to meet again, — said Umerov.`: in the
        typography of Ukrainian and Russian news a dash before the cue closes words
        given without quotation marks, and they run from the paragraph's start, when no
        other cue or quotation is there."""
        if not spans or spans[-1].end > verb.idx:
            return spans
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
        cue_start = min([verb.idx, *(c.left_edge.idx for c in subjects)])
        start = self.text.rfind("\n", 0, spans[0].start) + 1
        between = self.text[spans[-1].end : cue_start]
        # "- We cannot leave Donbass... - said Zelensky": a paragraph that opens with a
        # dash is a speaker's words, and a bare dash closes them
        opened = OPENING_DASH.match(self.text, start) is not None
        if not (DASH_BEFORE_CUE.fullmatch(between) or (opened and BARE_DASH.fullmatch(between))):
            return spans
        before = [t for t in self.tokens_between(start, spans[0].start) if not t.is_space]
        while before and before[0].text in OPENING_DASHES:  # "- We cannot leave ... - said X"
            before.pop(0)
        ended = before and before[-1].text in (".", "!", "?", "...", "…")
        if not before or (before[-1].sent == verb.sent and not ended):
            return spans  # the words do not open their sentence
        # nor over another speaker's words, before or inside: "- Ukraine's position is
        # clear. Zelensky told reporters we are ready - said Yermak"
        inside = self.tokens_between(spans[0].start, spans[-1].end)
        reporting = [
            t
            for t in [*before, *inside]
            if self.is_reporting(t) and not (opened and first_person(t))
        ]
        if reporting or any(t.text in QUOTE_MARKS for t in before):
            return spans
        return [Span(before[0].idx, spans[0].end), *spans[1:]]

    def others_report_before(self, verb: Token, clause: Token) -> bool:
        """Another speaker's report closed by a semicolon or colon, with words of the
        cue's own sentence after it, is not what the cue reports: "Lavrov added that
        Moscow was prepared to negotiate; however, Ukraine repeatedly refused", nor when the
        cue reports words of its own after it ("Lavrov said X; he called the idea
        "unacceptable""). Not words
        a dash hands to the cue ("Russia agreed to a ceasefire — Peskov said"), nor the
        speaker's own "we agreed"."""
        if clause.i > verb.i or first_person(clause) or not self.is_reporting(clause):
            return False
        if not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            return False
        doc, end = clause.doc, clause.right_edge.i + 1
        stop = next((i for i in range(clause.i, end + 1) if doc[i].text in (";", ":")), None)
        if stop is None:
            return False
        cue_start = min([verb.i, *(c.left_edge.i for c in verb.children if c.dep_ in SUBJECT_DEPS)])
        if any(not t.is_punct for t in doc[stop + 1 : cue_start]):
            return True
        # "Lavrov said X; he called the idea "unacceptable"": the cue says its own after it
        own = ("dobj", "ccomp", "xcomp", "oprd")
        return any(c.i > verb.i and c.dep_ in own for c in verb.children)

    def elliptical_tail(self, verb: Token, spans: list[Span]) -> list[Span]:
        """`said Ukraine was ready for a ceasefire, but only with firm guarantees`: the
        parse hangs a conjunct without a verb on the cue; it completes what was said."""
        if not spans:
            return spans
        after = [c for c in verb.children if c.idx >= spans[-1].end and not c.is_punct]
        if not after or after[0].dep_ != "cc" or len(after) < 2:
            return spans
        infinitive = any(c.dep_ == "xcomp" and c.idx < spans[-1].end for c in verb.children)
        second = after[-1]
        if infinitive and second.dep_ == "conj" and second.tag_ in ("VB", "VBP") and not any(
            c.dep_ in SUBJECT_DEPS for c in second.children
        ):
            # "promised to meet and in some cases exceed his goals": the parse hangs the
            # second infinitive, its "to" shared, on the cue
            last = max((t for t in second.subtree if not t.is_punct), key=lambda t: t.i)
            return [*spans[:-1], Span(spans[-1].start, last.idx + len(last.text))]
        tail = [t for c in after for t in c.subtree]
        # no verb of its own ("legally binding guarantees", "under monitoring" are none)
        verbs = [t for t in tail if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "pobj")]
        if verbs or self.in_quotation(after[0]):
            return spans
        if any(  # a preposition the parse made a conjunct is one: "but only with ..."
            c.dep_ not in ("cc", "prep", "advmod", "npadvmod")
            and not (c.dep_ == "conj" and c.pos_ == "ADP")
            for c in after
        ):
            return spans
        last = max(tail, key=lambda t: t.i)
        return [*spans[:-1], Span(spans[-1].start, last.idx + len(last.text))]

    def asides(self, clause: Token) -> set[int]:
        """`said the sides would meet in Istanbul — a proposal Moscow has rejected`: a
        phrase set off at the end of the reported words that names what was said and
        whose relative clause reports another's position is the writer's aside, not the
        speaker's words; it goes with the dash or comma before it."""
        words = [t for t in clause.subtree if not t.is_punct]
        if not words:
            return set()
        last = max(t.i for t in words)
        for t in clause.subtree:
            if t.dep_ != "appos" or t.right_edge.i < last or t.left_edge.i == 0:
                continue
            before = self.doc[t.left_edge.i - 1]
            if before.text not in (",", "—", "–", "-", ";"):
                continue
            if any(
                c.dep_ == "relcl"
                and self.is_reporting(c)
                and any(  # another's: not "a city he called neutral ground"
                    s.dep_ in SUBJECT_DEPS and s.tag_ not in ("WDT", "WP", "PRP")
                    for s in c.children
                )
                for c in t.children
            ):
                return {before.i, *(u.i for u in t.subtree)}
        return set()

    def parenthetical_span(self, verb: Token) -> Span | None:
        """`The deal, the official said, allows ...`: the clause around the cue."""
        skip = {t.i for t in self.aside(verb)}
        # not the full stop after a cue that closes the sentence ("..., as Peskov said.")
        after = verb.right_edge.i
        tokens = [
            t for t in verb.head.subtree if t.i not in skip and not (t.is_punct and t.i > after)
        ]
        # the author's lead-in before a colon is not the clause around the cue: "Sybiha was
        # blunter still: Russia, he wrote, was the only party ..."
        colons = [t.i for t in tokens if t.text == ":" and t.i < verb.i]
        if colons:
            tokens = [t for t in tokens if t.i > colons[-1]]
        return self.span_of_tokens(tokens)

    def closing_conjunct_span(self, verb: Token) -> Span | None:
        """`Ukraine is ready to sign a ceasefire, but only if Russia stops shelling cities,
        President Zelensky said on Wednesday`: a cue that closes the sentence, which the
        parse hangs as a conjunct on the clause before it, with its subject before it and
        nothing it reports after it, reports that clause, and what the parse hung on the
        cue before its subject ("only if Russia stops ...")."""
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
        if verb.dep_ != "conj" or verb.head.i > verb.i or len(subjects) != 1:
            return None
        subject = subjects[0]
        before = subject.left_edge.i - 1
        if before < 0 or self.doc[before].text != ",":  # set off: "..., Zelensky said"
            return None
        heard = ("dobj", "dative") if verb.lemma_.lower() in ADDRESSING else ()
        if any(c.i > verb.i and c.dep_ not in ("prep", "npadvmod", "advmod", "punct", *heard)
               for c in verb.children):  # fmt: skip
            return None  # "..., and Zelensky said it was terror": a report of its own
        if any(c.dep_ == "cc" and c.i < subject.i for c in verb.head.children if c.i > before):
            return None
        out = {verb.i, before, *(t.i for t in subject.subtree)}
        out |= {t.i for c in verb.children if c.i > verb.i for t in c.subtree}
        tokens = [t for t in verb.head.subtree if t.i not in out and t.i < verb.i]
        return self.span_of_tokens(tokens)

    def aside(self, verb: Token) -> list[Token]:
        """The words of a cue set in a clause ("the official said"), in order; not the
        clause's own subject the parse hung on an inverted aside ("The problem, say
        sources, is that ..."): one set off from the cue by a comma."""
        stray = set(self.stray_subjects(verb))
        clauses = [c.i for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i]
        end = min(clauses, default=len(verb.doc))  # "said Umerov, were ...": not the clause
        kept = [c for c in verb.children if c not in stray and c.i < end]
        return sorted([verb, *(t for c in kept for t in c.subtree)], key=lambda t: t.i)

    def around_cue(self, span: Span, verb: Token) -> list[Span]:
        """A content the cue interrupts, in its parts: "The museum … would make visitors
        face uncomfortable truths" from "The museum, Mr. Obama said, would make ...". An
        opening with neither the clause's subject nor a verb ("Therefore, he said, ...",
        "In the end, he said, ...") is not part of what was said; "To understand it, he
        said, ..." is."""
        if not (span.start < verb.idx < span.end):
            return [span]
        if verb.dep_ != "parataxis" and not self.stray_subjects(verb):
            return [span]
        aside = self.aside(verb)
        before = self.trimmed(span.start, aside[0].idx)
        after = self.trimmed(aside[-1].idx + len(aside[-1].text), span.end)
        opening = self.tokens_between(span.start, aside[0].idx)
        if not any(
            t.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") or t.pos_ in ("VERB", "AUX")
            for t in opening
        ):
            before = None  # "In the end, he said, ...": no part of the reported clause
        return [s for s in (before, after) if s is not None] or [span]

    def lost_words(self, verb: Token, clause: Token) -> list[Token]:
        """Words of the clause the parse hung elsewhere: its subject (``lost_subject``) or
        its end (``stranded_complement``, the comma after it left out)."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i > clause.i]
        stranded = stranded_complement(subjects[0]) if subjects else []
        lost = self.lost_subject(verb, clause) + stranded + self.lost_condition(verb, clause)
        return lost + self.thing_asked(verb, clause)

    def thing_asked(self, verb: Token, clause: Token) -> list[Token]:
        """The cue's object before its infinitive is part of what was said: what is asked
        for (`urged patience to allow the talks to succeed`) and who is asked (`urged
        Russia to withdraw`, `called on all parties to create conditions`), as the
        guide's annotators and PolNeAR's write it."""
        if clause.dep_ != "xcomp":
            return []
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < clause.i]
        if not objects:
            return []
        return list(objects[-1].subtree)

    def lost_condition(self, verb: Token, clause: Token) -> list[Token]:
        """`said Kyiv was ready to talk, but only if troops were deployed`: a condition the
        parse joined to the cue, after the reported clause, is that clause's, with the
        "but" before it."""
        for c in verb.children:
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if c.dep_ in ("conj", "advcl") and c.i > clause.right_edge.i and marks & CONDITIONS:
                joining = verb.doc[clause.right_edge.i + 1 : c.left_edge.i]
                if all(t.is_punct or t.dep_ == "cc" for t in joining):
                    return [*joining, *c.subtree]
        return []

    def lost_subject(self, verb: Token, clause: Token) -> list[Token]:
        """`Ukraine has insisted a full withdrawal of troops is necessary`: with no "that",
        the parse takes the reported clause's subject for the cue's object and leaves the
        clause without one. The object just before such a clause is its subject (for
        "told reporters Lavrov would fly", without the hearers the parse joined to it)."""
        if clause.dep_ != "ccomp" or any(
            c.dep_ in (*SUBJECT_DEPS, "nsubjpass", "expl") for c in clause.children
        ):
            return []
        finite = clause.tag_ in ("VBZ", "VBD", "VBP", "MD") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBZ", "VBD", "VBP")
            for c in clause.children
        )
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < clause.i]
        words = [t for t in clause.subtree if t.is_alpha]
        if not finite or not objects or len(words) < 2:  # not a stray "s" of a broken word
            return []
        subject = objects[-1]
        between = verb.doc[subject.right_edge.i + 1 : clause.left_edge.i]
        if any(not t.is_punct for t in between):
            return []
        words = list(subject.subtree)
        while len(words) > 1 and words[0].dep_ == "compound" and words[0].pos_ == "NOUN":
            words = words[1:]  # "reporters" in "told reporters Lavrov and Ushakov would fly"
        return words

    def as_reported(self, verb: Token) -> bool:
        """`As Breitbart News detailed, the plan was ...`, `..., as Peskov said`: a verb of
        reporting in an "as" clause with a subject and nothing reported of its own
        vouches for the clause it hangs on, unless that clause reports someone's words
        itself ("As Ukrinform reported, Lavrov stated that ...": Lavrov's)."""
        if verb.dep_ != "advcl" or verb.lemma_.lower() not in self.cues.as_reporting:
            return False
        head = verb.head
        if self.is_reporting(head) and any(c.dep_ in SUBJECT_DEPS for c in head.children):
            return False
        marks = [c for c in verb.children if c.dep_ == "mark"]
        if not marks or marks[0].lower_ != "as" or marks[0].i > verb.i:
            return False
        children = {c.dep_ for c in verb.children}
        return bool(children & {"nsubj", "nsubjpass"}) and not children & {"ccomp", "dobj", "xcomp"}

    def relay(self, clause: Token) -> set[int]:
        """`Kuleba said that X only if Y, Ukrinform reports`: the parse hangs what was said
        under the relay that closes the sentence. The relay (its verb, its subject, the
        comma before them and what follows the verb) is no part of what was said."""
        before = [c for c in clause.children if c.i < clause.i]
        inner = next((c for c in before if c.dep_ == "ccomp"), None)
        subject = next((c for c in before if c.dep_ in SUBJECT_DEPS), None)
        if inner is None or subject is None or subject.i < inner.i or inverted_report(inner):
            return set()  # "X reported, citing Y, that Z agreed": the parse's, not a relay
        if not self.is_reporting(clause):
            return set()
        after = [t for c in clause.children if c.i > clause.i for t in c.subtree]
        commas = [c for c in before if c.is_punct and c.i > inner.i]
        return {clause.i, *(t.i for t in subject.subtree), *(t.i for t in after + commas)}


DASH_BEFORE_CUE = re.compile(r"\s*[,.!?]\s*[—–]\s*")  # ", — said", not English " — said"
OPENING_DASHES = frozenset(["-", "—", "–", "--"])
OPENING_DASH = re.compile(r"[ \t]*(-|—|–|--)[ \t]")
BARE_DASH = re.compile(r"\s*[,.!?]?\s*(-|—|–|--)\s*")
QUOTE_MARKS = frozenset('"“”«»„')


def _in_the_present(verb: Token, cue: Token) -> bool:
    """ "is unacceptable", "have been unreliable": the verb, or its auxiliary, in the
    present; by its auxiliary only when the cue has none so ("has said ... and has
    visited Beijing": the speaker's own acts, in one tense)."""
    present = ("VBZ", "VBP")

    def helped(token: Token) -> bool:
        return any(c.dep_ == "aux" and c.tag_ in present for c in token.children)

    return verb.tag_ in present or (helped(verb) and not helped(cue))


def first_person(verb: Token) -> bool:
    """A verb whose subject is "I" or "we": inside words a dash opened, the speaker's
    own ("— We agreed to meet again. The next round is in June, — Umerov said")."""
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("i", "we") for c in verb.children)


def completed(kept: list[Token]) -> list[Token]:
    """Reported words that end in "and", "or" or "but", where the parse hung the conjunct
    elsewhere: a conjunct without a verb completes them ("ready to talk about peace, but
    only on its own terms"); one with a verb is a point of its own ("... and warned
    that ..."), so the conjunction goes."""
    if not kept:
        return kept
    last = max(kept, key=lambda t: t.i)
    if last.pos_ != "CCONJ":
        return kept
    rest = [t for t in last.sent if t.i > last.i]
    if rest and not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return kept + rest
    return [t for t in kept if t.i != last.i]


# Cues whose object is whom they were said to: "..., Zelensky told reporters in Kyiv".
ADDRESSING = frozenset(["tell", "inform", "assure", "brief", "remind"])
