"""Find attributed statements in a parsed document.

Four passes over one spaCy parse, each a rule family from quote-attribution
practice:

1. direct quotations with their cue before, after or inside (split quotes);
2. reporting verbs with a clausal or object complement (indirect and mixed
   speech, including participles such as "adding ..." or "saying ...");
3. source prepositions ("according to X, ...", "per X, ...");
4. uncued quotations that continue the speaker just quoted.

Pronoun speakers are linked to the most recent speaker before them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .cues import Cues, default_cues
from .quotes import Quotation, find_quotations
from .records import Attribution, Mention, Span

SUBJECT_DEPS = ("nsubj",)
CLIMB_DEPS = {"conj", "xcomp", "pcomp", "prep", "acomp"}
NAMING_VERBS = {"call", "dub", "label", "term", "brand"}
OBJECT_PREPOSITIONS = {"over", "about", "on", "with", "against", "for", "of", "at", "toward"}
CORE_EXCLUDED_DEPS = {"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis"}
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
}
PERSON_PRONOUNS = {"he", "she", "they", "him", "her", "them"}
TRIM_LEFT = " \n,;:—–-"
TRIM_RIGHT = " \n,;:—–-"
MIN_INDIRECT_WORDS = 3
MIN_CONTINUATION_WORDS = 6
CONTINUATION_PARAGRAPHS = 2


@dataclass
class Found:
    """An attribution under construction, with the token that cued it."""

    spans: list[Span]
    kind: str
    subject: Token | None
    cue: str
    cue_token: Token | None
    mention: Mention | None = None


class Attributor:
    """Rules that turn one parsed document into attributions."""

    def __init__(self, cues: Cues | None = None) -> None:
        self.cues = cues or default_cues()

    def attribute(
        self, doc: Doc, sections: Iterable[tuple[str, int, int]] = ()
    ) -> list[Attribution]:
        run = _Run(self.cues, doc)
        found = [*run.direct_quotes(), *run.reporting_verbs(), *run.source_prepositions()]
        found = _without_overlaps(sorted(found, key=lambda f: f.spans[0].start))
        found = sorted([*found, *run.continuations(found)], key=lambda f: f.spans[0].start)
        return _finish(run, found, list(sections))


class _Run:
    """State for one document: its parse, quotations and paragraph starts."""

    def __init__(self, cues: Cues, doc: Doc) -> None:
        self.cues = cues
        self.doc = doc
        self.text = doc.text
        self.quotations = find_quotations(self.text)
        self.token_starts = [token.idx for token in doc]
        self.used_quotations: set[Quotation] = set()
        self.used_cues: set[int] = set()
        self.paragraph_starts = [0] + [
            i + 2 for i in range(len(self.text)) if self.text.startswith("\n\n", i)
        ]

    # -- shared helpers ---------------------------------------------------

    def paragraph_of(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, offset) - 1

    def quotation_at(self, offset: int) -> Quotation | None:
        for q in self.quotations:
            if q.outer_start <= offset < q.outer_end:
                return q
        return None

    def in_quotation(self, token: Token) -> bool:
        return self.quotation_at(token.idx) is not None

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Tokens that start in [start, end), found by bisection (documents can be long)."""
        first = bisect.bisect_left(self.token_starts, start)
        last = bisect.bisect_left(self.token_starts, end)
        return list(self.doc[first:last])

    def trimmed(self, start: int, end: int) -> Span | None:
        """The span without surrounding punctuation and a leading 'that'."""
        while start < end and self.text[start] in TRIM_LEFT:
            start += 1
        if self.text[start:end].lower().startswith("that "):
            start += 5
        while end > start and self.text[end - 1] in TRIM_RIGHT:
            end -= 1
        if end > start and self.text[end - 1] == ".":
            end -= 1
        return Span(start, end) if end > start else None

    # -- pass 1: direct quotations ---------------------------------------

    def direct_quotes(self) -> Iterator[Found]:
        for q in self.quotations:
            if q in self.used_quotations or q.words(self.text) < 2:
                continue
            cue = self.cue_after(q) or self.cue_before(q)
            if cue is None:
                continue
            verb, subject = cue
            parts = [q, *self.split_parts(q, verb)]
            self.used_quotations.update(parts)
            self.used_cues.add(verb.i)
            spans = [Span(p.start, p.end) for p in parts]
            frame = self.framing_start(q) if verb.i > q.start else None
            if verb.idx < q.outer_start:
                frame = self.frame_after_cue(verb, q)
            kind = "direct"
            if frame is not None:
                spans[0], kind = Span(frame, spans[0].end + 1), "mixed"
            yield Found(spans, kind, subject, verb.lemma_.lower(), verb)

    def cue_after(self, q: Quotation) -> tuple[Token, Token] | None:
        """`"...," Zakharova said` or `"...," said Peskov`."""
        window = self.window_after(q.outer_end)
        if not window:
            return None
        for verb in window[:8]:
            if not self.is_speech_verb(verb) or verb.i in self.used_cues:
                continue
            subject = self.subject_of(verb)
            if subject is None or subject not in window:
                continue
            first = next(t for t in window if not t.is_punct)
            if first.i != verb.i and first not in list(subject.subtree) and first.dep_ != "advmod":
                continue
            if self.text[q.end - 1 : q.end] in ".!?" and self.has_own_complement(verb, q):
                continue
            return verb, subject
        return None

    def window_after(self, offset: int) -> list[Token]:
        """Tokens after a quotation up to the end of its sentence or the next quotation."""
        limit = min(
            [q.outer_start for q in self.quotations if q.outer_start >= offset]
            + [
                self.paragraph_starts[self.paragraph_of(offset) + 1]
                if self.paragraph_of(offset) + 1 < len(self.paragraph_starts)
                else len(self.text)
            ]
        )
        window: list[Token] = []
        for token in self.tokens_between(offset, limit):
            if token.text in ".!?" and window:
                break
            window.append(token)
            if len(window) > 25:
                break
        return window

    def has_own_complement(self, verb: Token, q: Quotation) -> bool:
        return any(
            c.dep_ in ("ccomp", "dobj") and not (q.outer_start <= c.idx < q.outer_end)
            for c in verb.children
        )

    def cue_before(self, q: Quotation) -> tuple[Token, Token] | None:
        """`X said: "..."`, `X told reporters, "..."`, `X called it "..."`, or a colon paragraph."""
        before = self.text[: q.outer_start].rstrip(" ")
        if before.endswith("\n") or not before:
            return self.colon_introducer(q)
        tokens = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if tokens is None:
            return None
        start = tokens[0].sent.start_char
        preceding = self.tokens_between(start, q.outer_start)[-12:]
        verbs = [t for t in preceding if self.is_speech_verb(t) and t.i not in self.used_cues]
        if not verbs:
            return None
        verb = verbs[-1]
        subject = self.subject_of(verb)
        if subject is None or self.reports_clause_before(verb, q):
            return None
        allowed = {
            t.i
            for c in verb.children
            if c.dep_ in ("dobj", "dative", "npadvmod", "prep", "advmod", "punct", "prt", "oprd")
            for t in c.subtree
        }
        between = [t for t in preceding if t.i > verb.i]
        if all(t.i in allowed or t.is_punct or t.is_space for t in between):
            return verb, subject
        return None

    def frame_after_cue(self, verb: Token, q: Quotation) -> int | None:
        """Where reported words start between a cue and its quotation (`said that X "..."`)."""
        between = [
            t
            for t in self.tokens_between(verb.idx + len(verb.text), q.outer_start)
            if not (t.is_punct or t.is_space)
        ]
        if verb.lemma_.lower() in NAMING_VERBS or not between:
            return None
        framing = any(t.lower_ in ("that", "as") or t.pos_ in ("VERB", "AUX") for t in between)
        takes_object = verb.lemma_.lower() in self.cues.object_verbs | {"describe"}
        objects = takes_object and any(t.dep_ == "dobj" and t.pos_ != "PRON" for t in between)
        if not (framing or objects):
            return None
        start = (
            between[1].idx if between[0].lower_ == "that" and len(between) > 1 else between[0].idx
        )
        return start

    def reports_clause_before(self, verb: Token, q: Quotation) -> bool:
        """The verb's clause starts before the quotation: mixed speech, left to pass 2."""
        return any(
            c.dep_ == "ccomp"
            and min(t.idx for t in c.subtree) < q.outer_start
            and c.idx < q.outer_start
            for c in verb.children
        )

    def colon_introducer(self, q: Quotation) -> tuple[Token, Token] | None:
        """A quotation opening a paragraph after one that ends with a colon."""
        paragraph = self.paragraph_of(q.outer_start)
        if paragraph == 0 or self.paragraph_starts[paragraph] != q.outer_start:
            return None
        previous_end = self.paragraph_starts[paragraph] - 2
        if not self.text[:previous_end].rstrip().endswith(":"):
            return None
        last = self.doc.char_span(previous_end - 1, previous_end, alignment_mode="expand")
        if last is None:
            return None
        root = last[0].sent.root
        subject = self.subject_of(root)
        if subject is None or not (self.is_speech_verb(root) or subject.pos_ in ("PRON", "PROPN")):
            return None
        return root, subject

    def split_parts(self, q: Quotation, verb: Token) -> list[Quotation]:
        """Later parts of a quotation split by its cue: `"A," he says, "B."`."""
        parts: list[Quotation] = []
        current = q
        for later in self.quotations:
            if later.start <= current.end or later in self.used_quotations:
                continue
            gap = self.text[current.outer_end : later.outer_start]
            if len(gap.split()) > 14 or ("\n\n" in gap and not self.fills_paragraph(later)):
                break
            cue_clause = {t.i for t in verb.subtree}
            gap_tokens = self.tokens_between(current.outer_end, later.outer_start)
            if any(not (t.is_punct or t.is_space or t.i in cue_clause) for t in gap_tokens):
                break
            if self.cue_after(later) is not None:
                break
            parts.append(later)
            current = later
        return parts

    def fills_paragraph(self, q: Quotation) -> bool:
        paragraph = self.paragraph_of(q.start)
        starts = self.paragraph_starts
        end = starts[paragraph + 1] - 2 if paragraph + 1 < len(starts) else len(self.text)
        return starts[paragraph] == q.outer_start and q.outer_end >= end - 1

    def framing_start(self, q: Quotation) -> int | None:
        """Where reported words open the sentence before the quotation (mixed speech)."""
        token = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if token is None:
            return None
        sentence_start = max(
            token[0].sent.start_char, self.paragraph_starts[self.paragraph_of(q.start)]
        )
        frame = self.text[sentence_start : q.outer_start]
        if len(frame.split()) < 2 or frame.rstrip().endswith((":", ",")):
            return None
        frame_tokens = self.tokens_between(sentence_start, q.outer_start)
        if any(self.is_speech_verb(t) for t in frame_tokens):
            return None
        return sentence_start

    # -- pass 2: reporting verbs ---------------------------------------------

    def reporting_verbs(self) -> Iterator[Found]:
        for verb in self.doc:
            if verb.i in self.used_cues or not self.is_reporting(verb):
                continue
            subject = self.subject_of(verb)
            if subject is None:
                continue
            for span in self.contents_of(verb):
                kind, spans = self.kind_of(span)
                if kind == "direct" and any(
                    q in self.used_quotations for q in self.quoted_in(span)
                ):
                    continue
                self.used_quotations.update(self.quoted_in(span))
                yield Found(spans, kind, subject, self.cue_name(verb), verb)

    def is_reporting(self, verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or self.in_quotation(verb):
            return False
        reported = lemma in self.cues.reported_only_verbs and any(
            c.lower_ in self.cues.reporting_adverbs for c in verb.children
        )
        if not (self.cues.is_cue_verb(lemma) or reported):
            return False
        return self.is_actual(verb)

    def is_speech_verb(self, token: Token) -> bool:
        return (
            token.pos_ == "VERB"
            and token.lemma_.lower() in self.cues.speech_verbs
            and not self.in_quotation(token)
            and self.is_actual(token)
        )

    def is_actual(self, verb: Token) -> bool:
        """Said in fact: not hypothetical, conditional, negated, infinitive or a question."""
        children = list(verb.children)
        if any(c.dep_ == "aux" and c.lower_ in self.cues.hypothetical_modals for c in children):
            return False
        if any(c.dep_ == "neg" for c in children) and verb.lemma_ in ("say", "tell", "comment"):
            return False
        if verb.tag_ == "VB" and not any(c.lemma_ == "do" for c in children):
            return False
        misparsed_past = (
            verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and verb.i == verb.head.i + 1
        )
        if (
            verb.tag_ == "VBN"
            and not any(c.lemma_ == "have" for c in children)
            and not misparsed_past
        ):
            return False
        if verb.tag_ == "VBG" and any(c.dep_ == "aux" for c in children):
            return False
        if self.under_condition(verb) or self.in_authors_frame(verb):
            return False
        sentence = verb.sent.text.rstrip()
        return not sentence.endswith("?") or self.in_quotation(verb)

    def in_authors_frame(self, verb: Token) -> bool:
        """`I think X has accepted ...`: a clause inside the author's own belief."""
        node = verb
        while node.dep_ in ("ccomp", "conj", "xcomp") and node.head is not node:
            node = node.head
            if any(c.dep_ == "nsubj" and c.lower_ in ("i", "we", "you") for c in node.children):
                return not self.in_quotation(node)
        return False

    def under_condition(self, verb: Token) -> bool:
        """Inside an if/whether/when clause: the verb reports no actual statement."""
        node = verb
        for _ in range(6):
            if any(
                c.dep_ in ("mark", "advmod") and c.lower_ in self.cues.conditional_markers
                for c in node.children
            ):
                return True
            if node.dep_ not in CLIMB_DEPS or node.head is node:
                return False
            node = node.head
        return False

    def subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        """The speaker token: the verb's subject, or one inherited by a participle or conjunct."""
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return self.actor_or_none(child, verb)
        if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
            return self.subject_of(verb.head, depth + 1)
        if depth < 3 and verb.dep_ == "pcomp":  # "surprised editors by admitting that ..."
            governor = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
            return self.subject_of(governor, depth + 1) if governor is not None else None
        if verb.dep_ == "acl" and verb.head.pos_ == "PROPN":  # a misparsed "X called Y"
            return self.actor_or_none(verb.head, verb)
        return None

    def actor_or_none(self, subject: Token, verb: Token) -> Token | None:
        if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
            subject = verb.head
        if subject.lower_ in self.cues.excluded_subjects or self.in_quotation(subject):
            return None
        if subject.pos_ == "PRON":
            return subject if subject.lower_ in PERSON_PRONOUNS else None
        if subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or subject.pos_ == "PROPN":
            return subject
        core = self.core_tokens(subject)
        if any(t.lemma_.lower() in self.cues.actor_nouns or t.ent_type_ for t in core):
            return subject
        return None

    def contents_of(self, verb: Token) -> list[Span]:
        """What the verb reports: clauses, an infinitive, or a substantial object."""
        lemma = verb.lemma_.lower()
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and not _relative(c)]
        if lemma in self.cues.infinitive_verbs or lemma in self.cues.reported_only_verbs:
            clauses += [c for c in verb.children if c.dep_ == "xcomp"]
        spans = self.clause_spans(clauses) if clauses else []
        if not spans:
            spans = [s for s in [self.object_span(verb)] if s is not None]
        if not spans and verb.dep_ == "parataxis" and lemma in self.cues.speech_verbs:
            spans = [s for s in [self.parenthetical_span(verb)] if s is not None]
        return [s for s in spans if len(self.text[s.start : s.end].split()) >= MIN_INDIRECT_WORDS]

    def clause_spans(self, clauses: list[Token]) -> list[Span]:
        """Reported clauses as one span, split where `... and that ...` starts a second point."""
        separate = [
            c
            for clause in clauses
            for c in clause.children
            if c.dep_ == "conj" and (self.second_point(clause, c) or self.is_cue_with_subject(c))
        ]
        excluded = {t.i for c in separate for t in c.subtree}
        excluded |= {
            t.i
            for clause in clauses
            for t in clause.children
            if t.dep_ == "cc" and separate and t.i < separate[0].i
        }
        kept = [t for clause in clauses for t in clause.subtree if t.i not in excluded]
        spans = [self.span_of_tokens(kept)]
        spans += [
            self.span_of_tokens(list(c.subtree))
            for c in separate
            if not self.is_cue_with_subject(c)
        ]
        return [s for s in spans if s is not None]

    def second_point(self, clause: Token, conj: Token) -> bool:
        """`said that A — but that B` opens a separate statement; `and that` does not."""
        marked = any(g.dep_ == "mark" and g.lower_ == "that" for g in conj.children)
        contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in clause.children)
        return marked and contrast

    def is_cue_with_subject(self, token: Token) -> bool:
        """A conjoined clause that pass 2 reports as a statement of its own."""
        return self.is_reporting(token) and any(c.dep_ in SUBJECT_DEPS for c in token.children)

    def span_of_tokens(self, tokens: list[Token]) -> Span | None:
        if not tokens:
            return None
        tokens = sorted(tokens, key=lambda t: t.i)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        q = self.quotation_at(end)
        if q is not None and end == q.end:
            end = q.outer_end  # keep the closing mark of a quotation that ends the clause
        return self.trimmed(start, end)

    def object_span(self, verb: Token) -> Span | None:
        """`rejected calls for a ceasefire`, `voiced frustration over the talks`, `called for X`."""
        lemma = verb.lemma_.lower()
        particles = self.cues.phrasal.get(lemma, frozenset())
        takes_object = lemma in self.cues.object_verbs | {"call", "describe"}
        has_particle = any(
            c.dep_ in ("prt", "advmod") and c.lower_ in particles for c in verb.children
        )
        tokens: list[Token] = []
        for child in verb.children:
            is_object = child.dep_ in ("dobj", "oprd") and takes_object
            is_prep = child.dep_ == "prep" and (
                child.lower_ in particles
                or child.lower_ == "as"
                or has_particle
                or (bool(tokens) and child.lower_ in OBJECT_PREPOSITIONS)
            )
            is_clause = child.dep_ == "advcl" and self.marked_by(child, particles, bool(tokens))
            if is_object or is_prep or is_clause:
                tokens += list(child.subtree)
        if len(tokens) < MIN_INDIRECT_WORDS:
            return None
        return self.span_of_tokens(tokens)

    def marked_by(self, clause: Token, particles: frozenset[str], has_object: bool) -> bool:
        """`called for X to do Y` (mark 'for'), or a condition on an object (`if`, `unless`)."""
        marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
        return bool(marks & particles) or (has_object and bool(marks & {"if", "unless"}))

    def parenthetical_span(self, verb: Token) -> Span | None:
        """`The deal, the official said, allows ...`: the clause around the cue."""
        skip = {t.i for t in verb.subtree}
        tokens = [t for t in verb.head.subtree if t.i not in skip]
        return self.span_of_tokens(tokens)

    def quoted_in(self, span: Span) -> list[Quotation]:
        return [q for q in self.quotations if q.start < span.end and span.start < q.end]

    def kind_of(self, span: Span) -> tuple[str, list[Span]]:
        quoted = self.quoted_in(span)
        for q in quoted:
            if q.outer_start <= span.start and span.end <= q.outer_end:
                return "direct", [Span(q.start, q.end)]
        return ("mixed" if quoted else "indirect"), [span]

    def cue_name(self, verb: Token) -> str:
        """The cue's lemma, with its particle when phrasal ("call for", "push back")."""
        lemma = verb.lemma_.lower()
        particles = self.cues.phrasal.get(lemma, ())
        following = [verb.nbor()] if verb.i + 1 < len(verb.doc) else []
        for token in [*following, *verb.children]:
            attached = token.dep_ in ("prep", "prt", "advmod") or token.i == verb.i + 1
            if attached and token.lower_ in particles:
                return f"{lemma} {token.lower_}"
        return lemma

    # -- pass 3: "according to X" ----------------------------------------------

    def source_prepositions(self) -> Iterator[Found]:
        for token in self.doc:
            source = self.source_of(token)
            if source is None or self.in_quotation(token):
                continue
            head = token.head
            speaker = self.subject_of(head) if self.is_speech_verb(head) else None
            if speaker is not None and (speaker.pos_ in ("PROPN", "PRON") or speaker.ent_type_):
                continue  # "per Rubio, Lavrov said ...": the statement is Lavrov's
            skip = {t.i for t in token.subtree}
            tokens = [t for t in head.subtree if t.i not in skip]
            span = self.span_of_tokens(tokens)
            if span is None or len(self.text[span.start : span.end].split()) < MIN_INDIRECT_WORDS:
                continue
            kind, spans = self.kind_of(span)
            self.used_quotations.update(self.quoted_in(span))
            yield Found(
                spans,
                kind,
                source,
                "according to" if token.lower_ == "according" else token.lower_,
                token,
            )

    def source_of(self, token: Token) -> Token | None:
        lower = token.lower_
        if lower == "according":
            objects = [
                g
                for c in token.children
                if c.lower_ == "to"
                for g in c.children
                if g.dep_ == "pobj"
            ]
        elif lower in ("per", "citing", "quoting") and f"{lower}" in " ".join(
            self.cues.source_prepositions
        ):
            objects = [c for c in token.children if c.dep_ in ("pobj", "dobj")]
            objects = [o for o in objects if o.ent_type_ in ("PERSON", "ORG") or o.pos_ == "PROPN"]
        else:
            return None
        return objects[0] if objects else None

    # -- pass 4: continuations ---------------------------------------------------

    def continuations(self, found: list[Found]) -> Iterator[Found]:
        """Free-standing quotations right after a statement continue its speaker."""
        ordered = sorted(found, key=lambda f: f.spans[0].start)
        for q in self.quotations:
            if q in self.used_quotations:
                continue
            parts = [q, *self.uncued_followers(q)]
            if sum(p.words(self.text) for p in parts) < MIN_CONTINUATION_WORDS:
                continue
            previous = self.statement_before(ordered, q)
            if previous is None or not self.dominates_sentence(parts):
                continue
            self.used_quotations.update(parts)
            continued = Found(
                [Span(p.start, p.end) for p in parts],
                "direct",
                previous.subject,
                previous.cue,
                None,
                previous.mention,
            )
            ordered = sorted([*ordered, continued], key=lambda f: f.spans[0].start)
            yield continued

    def statement_before(self, ordered: list[Found], q: Quotation) -> Found | None:
        earlier = [f for f in ordered if f.spans[-1].end <= q.start and f.subject is not None]
        if not earlier:
            return None
        previous = earlier[-1]
        distance = self.paragraph_of(q.start) - self.paragraph_of(previous.spans[-1].end)
        return previous if 0 <= distance <= CONTINUATION_PARAGRAPHS else None

    def dominates_sentence(self, parts: list[Quotation]) -> bool:
        """The quotations make up most of their sentence: not a phrase quoted in passing."""
        tokens = self.doc.char_span(parts[0].start, parts[0].end, alignment_mode="expand")
        if tokens is None:
            return False
        sentence = tokens[0].sent
        quoted = sum(p.end - p.start for p in parts)
        outside = max(0, sentence.end_char - sentence.start_char - quoted)
        return outside <= max(30, quoted // 2)

    def uncued_followers(self, q: Quotation) -> list[Quotation]:
        parts: list[Quotation] = []
        current = q
        for later in self.quotations:
            if later.start <= current.end or later in self.used_quotations:
                continue
            gap = self.text[current.outer_end : later.outer_start]
            if "\n" in gap or len(gap.split()) > 10 or self.cue_after(later):
                break
            parts.append(later)
            current = later
        return parts

    # -- mentions ---------------------------------------------------------------------

    def core_tokens(self, subject: Token) -> list[Token]:
        keep_preps = subject.lower_ in QUANTIFIERS or subject.pos_ in ("NUM", "PRON")
        excluded: set[int] = set()
        for child in subject.children:
            foreign_prep = child.dep_ == "prep" and not keep_preps and child.lower_ != "of"
            post_modifier = child.dep_ == "amod" and child.i > subject.i
            if child.dep_ in CORE_EXCLUDED_DEPS or foreign_prep or post_modifier:
                excluded |= {t.i for t in child.subtree}
        return [t for t in subject.subtree if t.i not in excluded and not self.in_quotation(t)]

    def mention_of(self, subject: Token) -> Mention:
        core = self.core_tokens(subject) or [subject]
        start, end = core[0].idx, core[-1].idx + len(core[-1].text)
        described = [
            c
            for c in subject.children
            if c.dep_ in ("appos", "relcl", "acl") or (c.dep_ == "amod" and c.i > subject.i)
        ]
        description = " ".join(" ".join(t.text for t in c.subtree) for c in described)
        return Mention(
            self.text[start:end],
            Span(start, end),
            _mention_kind(subject, core),
            description=description,
        )


def _mention_kind(subject: Token, core: list[Token]) -> str:
    if subject.pos_ == "PRON":
        return "pronoun"
    if any(t.ent_type_ == "PERSON" for t in core):
        return "name"
    if subject.ent_type_ in ("GPE", "ORG", "NORP"):
        return "institution"
    return "name" if subject.pos_ == "PROPN" else "descriptor"


def _relative(clause: Token) -> bool:
    """A clause whose subject is a relative pronoun is a misparsed relative clause."""
    return clause.left_edge.tag_ in ("WDT", "WP") or any(
        c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in clause.children
    )


def _without_overlaps(found: list[Found]) -> list[Found]:
    kept: list[Found] = []
    for item in found:
        start, end = item.spans[0].start, item.spans[-1].end
        if any(
            k.spans[0].start < end and start < k.spans[-1].end and _overlap(k, start, end) > 0.5
            for k in kept
        ):
            continue
        kept.append(item)
    return kept


def _overlap(kept: Found, start: int, end: int) -> float:
    k_start, k_end = kept.spans[0].start, kept.spans[-1].end
    shared = min(end, k_end) - max(start, k_start)
    return shared / max(1, min(end - start, k_end - k_start))


def _finish(
    run: _Run, found: list[Found], sections: list[tuple[str, int, int]]
) -> list[Attribution]:
    """Give every finding its mention (pronouns linked back) and sentence span."""
    out: list[Attribution] = []
    last: Mention | None = None  # the latest speaker
    last_person: Mention | None = None  # the latest speaker that "he" or "she" can stand for
    for item in found:
        mention = item.mention or (
            run.mention_of(item.subject) if item.subject is not None else None
        )
        if mention is None:
            continue
        if mention.kind == "pronoun":
            singular = mention.text.lower() in ("he", "she", "him", "her")
            mention = replace(mention, antecedent=_named(last_person if singular else last))
        if mention.kind != "institution":
            last_person = mention
        last = mention
        item.mention = mention
        out.append(_attribution(run, item, mention, sections))
    return out


def _named(mention: Mention | None) -> Mention | None:
    while mention is not None and mention.kind == "pronoun":
        mention = mention.antecedent
    return mention


def _attribution(
    run: _Run, item: Found, mention: Mention, sections: list[tuple[str, int, int]]
) -> Attribution:
    first, last = item.spans[0].start, item.spans[-1].end
    if item.cue_token is not None:
        first = min(first, item.cue_token.idx)
        last = max(last, item.cue_token.idx + len(item.cue_token.text))
    start_tokens = run.doc.char_span(first, first + 1, alignment_mode="expand")
    end_tokens = run.doc.char_span(max(first, last - 1), last, alignment_mode="expand")
    sent_start = start_tokens[0].sent.start_char if start_tokens is not None else first
    sent_end = end_tokens[-1].sent.end_char if end_tokens is not None else last
    while sent_end > sent_start and run.text[sent_end - 1].isspace():
        sent_end -= 1
    cue_span = None
    if item.cue_token is not None:
        cue_span = Span(item.cue_token.idx, item.cue_token.idx + len(item.cue_token.text))
    section = "body"
    for name, start, end in sections:
        if start <= item.spans[0].start < end:
            section = name
    return Attribution(
        quote_spans=tuple(item.spans),
        kind=item.kind,
        speaker=mention,
        cue=item.cue,
        cue_span=cue_span,
        sentence_span=Span(sent_start, sent_end),
        section=section,
    )
