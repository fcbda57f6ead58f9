"""The per-document analysis: a pure function from a Document to Statements.

Models and data files are loaded once per process (``Analyzer.load``); after
that ``analyse`` does no I/O and keeps no state between documents, so the same
code runs in-process, in worker processes and on a cluster engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .actors import KnowledgeBase, Resolver, load_knowledge_base
from .attribution import Attributor, mode_from_environment
from .cues import load_cues
from .dates import statement_date
from .earlier import marker
from .issues import IssueClassifier, IssueResult, default_issue_classifier
from .nlp import load_pipeline
from .parts import PART_CHARS, Part, shift, split
from .records import Attribution, Document, Statement
from .speech_act import Clause, read_clause
from .stance import StanceClassifier, default_stance_classifier

BATCH_SIZE = 16
# Characters parsed at once: the parser's memory follows the batch's length, so a
# batch holds up to BATCH_SIZE short documents but only one part of a long one.
PARSE_CHARS = PART_CHARS

Piece = tuple[str, tuple[Document, Part]]


@dataclass(frozen=True)
class Reading:
    """What the parse says of one attribution beyond its spans."""

    found: Attribution
    clause: Clause  # its content's main predicates, for the stance rules
    earlier: str  # the words that place it before the text's time ("had demanded"), or ""


@dataclass(frozen=True)
class Analyzer:
    """Everything the analysis needs, loaded once."""

    nlp: Language
    attributor: Attributor
    actors: KnowledgeBase
    issues: IssueClassifier
    stances: StanceClassifier

    @classmethod
    def load(cls, actor_files: Sequence[Path] = (), cue_files: Sequence[Path] = ()) -> Analyzer:
        return cls(
            nlp=load_pipeline(),
            attributor=Attributor(load_cues(cue_files), mode=mode_from_environment()),
            actors=load_knowledge_base(actor_files),
            issues=default_issue_classifier(),
            stances=default_stance_classifier(),
        )

    def analyse(self, document: Document) -> list[Statement]:
        ((_, statements),) = self.analyse_many([document])
        return statements

    def analyse_many(
        self, documents: Iterable[Document], batch_size: int = BATCH_SIZE
    ) -> Iterator[tuple[Document, list[Statement]]]:
        """Analyse a stream of documents, parsing them in batches (long ones in parts)."""
        pieces = (
            (document.text[part.start : part.end], (document, part))
            for document in documents
            for part in split(document.text)
        )
        found: list[Statement] = []
        topic: dict[str, bool] = {}  # whether each document is about the talks, judged once
        for batch in batches(pieces, batch_size):
            for parsed, (document, part) in self.nlp.pipe(
                batch, batch_size=len(batch), as_tuples=True
            ):
                attributions = self.attributions(document, part, parsed)
                if document.id not in topic:
                    topic = {document.id: self.issues.about_talks(document.text)}
                found += self.statements(document, attributions, part, topic[document.id])
                if part.last:
                    yield document, found
                    found = []

    def attributions(self, document: Document, part: Part, parsed: Doc) -> list[Reading]:
        """Each attribution of the part, with what the parse says of its content."""
        sections = part.sections((s.name, s.start, s.end) for s in document.sections)
        return [
            Reading(
                shift(found, part.start),
                read_clause(parsed, [(s.start, s.end) for s in found.quote_spans]),
                marker(parsed, found.cue_span, document.date, found.quote_spans),
            )
            for found in self.attributor.attribute(parsed, sections)
        ]

    def statements(
        self,
        document: Document,
        found: list[Reading],
        part: Part | None = None,
        about_talks: bool | None = None,
    ) -> list[Statement]:
        """Statements from the attributions of a document, or of one part of a long one.

        Speakers are resolved within the part (a part is tens of thousands of
        characters): the resolver searches its text, so time stays linear in length.
        """
        start, end = (0, len(document.text)) if part is None else (part.start, part.end)
        resolver = Resolver(self.actors, document.text[start:end], document.date, base=start)
        text = document.text
        texts = [(r.found.quote(text), r.found.sentence_span.text(text)) for r in found]
        if about_talks is None:
            about_talks = self.issues.about_talks(document.text)
        issues = self.issues.classify_many(texts, about_talks)
        spans = [(s.start, s.end) for r in found for s in r.found.quote_spans]
        return [
            self.statement(document, reading, resolver, issue, spans)
            for reading, issue in zip(found, issues, strict=True)
        ]

    def statement(
        self,
        document: Document,
        reading: Reading,
        resolver: Resolver,
        issues: IssueResult,
        said: Sequence[tuple[int, int]] = (),
    ) -> Statement:
        """One statement; ``said`` are the words of every statement of the document, whose
        days are not when this one was said ("Even as Moscow stated it would send a
        delegation on Monday, Zelensky questioned ...")."""
        found, clause = reading.found, reading.clause
        text = document.text
        quote = found.quote(text)
        sentence = found.sentence_span.text(text)
        who = resolver.resolve(found.speaker)
        stance = self.stances.classify(
            quote,
            stance_cue(text, found),
            sentence,
            found.kind,
            who.party,
            clause,
            resolver.party_of,
        )
        mention = found.speaker
        day = statement_date(
            sentence,
            document.date,
            [*((s.start, s.end) for s in found.quote_spans), *said],
            found.sentence_span.start,
        )
        return Statement(
            doc_id=document.id,
            doc=document.name,
            quote=quote,
            quote_spans=found.quote_spans,
            speaker=who.speaker,
            party=who.party,
            source=who.source,
            kind=found.kind,
            issues=issues.codes,
            stance=stance.stance,
            section=found.section,
            sentence=sentence,
            sentence_span=found.sentence_span,
            cue=found.cue,
            cue_span=found.cue_span,
            speaker_mention=mention.text,
            speaker_span=mention.span,
            actor_id=who.actor_id,
            issue_evidence=issues.evidence,
            stance_reason=stance.reason,
            date=day,
            # dated by its own sentence ("on March 3, Russia had demanded"), it already
            # has its place in the order: only one that takes its text's date is recalled
            earlier=reading.earlier if day == document.date else "",
        )


def batches(pieces: Iterable[Piece], most: int = BATCH_SIZE) -> Iterator[list[Piece]]:
    """Pieces to parse together: at most ``most`` of them and ``PARSE_CHARS`` characters
    (a single longer piece goes alone)."""
    batch: list[Piece] = []
    size = 0
    for piece in pieces:
        if batch and (size + len(piece[0]) > PARSE_CHARS or len(batch) >= most):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[0])
    if batch:
        yield batch


NEGATED_CUE = re.compile(r"(\bnot|n't|\bnever)\s*$", re.IGNORECASE)


def stance_cue(text: str, found: Attribution) -> str:
    """The cue as the stance rules read it: "not rule out" for "did not rule out a
    meeting", whose refusal was not made; the cue itself otherwise."""
    if found.cue_span is None:
        return found.cue
    before = text[max(0, found.cue_span.start - 12) : found.cue_span.start]
    return f"not {found.cue}" if NEGATED_CUE.search(before) else found.cue
