"""Run an ingest: read inputs, skip what is stored, analyse the rest, store it.

Inputs that fail are reported one line each and the batch goes on. Each
document is stored in its own transaction, so an interrupted run loses at
most the documents it had not yet written, and re-running it completes it.
"""

from __future__ import annotations

import hashlib
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from typing import TYPE_CHECKING

from .clean import clean, has_prose
from .documents import redate, stored_document_of_input, was_removed
from .ingest import (
    DEFAULT_MAX_BYTES,
    URL_TIMEOUT,
    InputError,
    Pending,
    Skipped,
    decode,
    expand,
    read,
)
from .parallel import analyse_in_workers
from .records import Document, RawInput, Statement
from .revisions import carried_date, stored_from
from .standing import refresh
from .store import Store, StoredDocument

if TYPE_CHECKING:  # the pipeline imports spaCy: only load it when something is new
    from .pipeline import Analyzer

# Starting workers costs a model load each: below this many new documents one process is faster.
WORTH_WORKERS = 24


@dataclass
class IngestSummary:
    inputs: int = 0
    new: int = 0  # documents stored, the updated among them
    updated: int = 0  # of the new: changed inputs' texts, stored in place of their earlier one
    relinked: int = 0  # changed inputs whose new text was stored before, from elsewhere
    unchanged: int = 0
    statements: int = 0
    redated: int = 0  # stored documents given the --date
    undated: int = 0  # new documents whose text gave no date
    removed: int = 0  # inputs skipped as removed by the user (``IngestRun.skip_removed``)
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        failed = f"; {len(self.failures)} failed" if self.failures else ""
        redated = f" ({self.redated} given the new date)" if self.redated else ""
        undated = (
            f"\n{self.undated} new document{'s' * (self.undated != 1)} without a date: "
            "positions and shifts leave their statements out until dated "
            "('talkwatch documents --undated', then 'talkwatch documents set-date ID... "
            "YYYY-MM-DD', or ingest with --date)."
            if self.undated
            else ""
        )
        fresh = self.new - self.updated
        stored = f"{fresh} new document{'s' * (fresh != 1)}"
        if self.updated:  # "1 updated": the changed text of a file or page, in place of its last
            stored += f" and {self.updated} updated (each in place of its earlier text)"
        n = self.relinked
        relinked = (
            f"; {n} changed input{'s' * (n != 1)} now the same as a text stored from "
            "elsewhere (the earlier text dropped)"
            if n
            else ""
        )
        removed = (
            f", {self.removed} removed before (not read again)" if self.removed else ""
        )
        return (
            f"Read {self.inputs} input{'s' * (self.inputs != 1)}: {stored} with "
            f"{self.statements} statement{'s' * (self.statements != 1)}, {self.unchanged} "
            f"already stored{removed}{redated}{relinked}{failed}.{undated}"
        )


@dataclass(frozen=True)
class Prepared:
    document: Document
    raw_hash: str
    label: str  # the input as the user named it, for messages


@dataclass
class IngestRun:
    """One ingest into one store; the analyzer is loaded only if something is new."""

    store: Store
    load_analyzer: Callable[[], Analyzer]
    jobs: int = 1  # more than one: analyse in that many worker processes
    actor_files: tuple[str, ...] = ()  # what the workers load with the knowledge base
    engine: str = "local"  # or "dask": analyse on a Dask cluster (see talkwatch.cluster)
    address: str | None = None  # the Dask scheduler to join; None starts a local cluster
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = URL_TIMEOUT  # seconds for one URL
    private_urls: bool = True  # False: refuse URLs to loopback, private, link-local addresses
    date: str | None = None
    skip_removed: bool = False  # not inputs removed with 'documents remove' (a watched folder)
    on_error: Callable[[str], None] = lambda message: None
    on_warning: Callable[[str], None] = lambda message: None  # e.g. a guessed text encoding
    on_progress: Callable[[int], None] = lambda done: None
    summary: IngestSummary = field(default_factory=IngestSummary)
    # the stored document the last input found to be stored already led to
    already_stored: str | None = None
    _analyzer: Analyzer | None = None

    def run(self, targets: list[str]) -> IngestSummary:
        inputs: deque[Prepared] = deque()  # in input order, as results come back

        def documents() -> Iterator[Document]:
            for prepared in self.prepare_all(expand(targets)):
                inputs.append(prepared)
                yield prepared.document

        results = self.analysed(documents())
        try:
            for document, statements in results:
                given = inputs.popleft()
                self.keep(document, statements, given.raw_hash, given.label)
        finally:  # interrupted: workers stop after the batch they hold
            close = getattr(results, "close", None)
            if close is not None:
                close()
        refresh(self.store.db)  # positions the new statements touched, ready for readers
        return self.summary

    def analysed(self, documents: Iterator[Document]) -> Iterator[tuple[Document, list[Statement]]]:
        """Analyse here, in workers or on a cluster; nothing starts when nothing is new."""
        head = list(islice(documents, WORTH_WORKERS))
        if not head:
            return iter(())
        stream = chain(head, documents)
        if self.engine == "dask":
            from .cluster import analyse_on_dask

            return analyse_on_dask(stream, self.jobs, self.address, self.actor_files)
        if self.jobs > 1 and len(head) == WORTH_WORKERS:
            return analyse_in_workers(stream, self.jobs, self.actor_files)
        return self.analyzer().analyse_many(stream)

    def prepare_all(self, found: Iterable[Pending | InputError | Skipped]) -> Iterator[Prepared]:
        for item in found:
            if isinstance(item, Skipped):
                self.on_warning(str(item))
                continue
            self.summary.inputs += 1
            try:
                if isinstance(item, InputError):
                    raise item
                prepared = self.prepare(item)
            except InputError as err:
                self.fail(str(err))
                continue
            if prepared is None:
                self.summary.unchanged += 1
                self.on_progress(1)
            else:
                yield prepared

    def prepare(self, pending: Pending) -> Prepared | None:
        """Read and clean one input; None when it is already stored unchanged."""
        raw = read(pending, self.max_bytes, self.date, self.timeout, self.private_urls)
        return self.prepare_raw(raw)

    def prepare_raw(self, raw: RawInput) -> Prepared | None:
        """Clean bytes in hand (a file's, a URL's, a posted text's); None when stored."""
        raw_hash = hashlib.sha256(raw.data).hexdigest()
        if self.skip_removed and was_removed(self.store.db, raw.origin, raw_hash):
            self.summary.removed += 1
            return None
        stored = stored_document_of_input(self.store.db, raw.origin, raw_hash)
        self.already_stored = stored
        if stored is not None:
            self.redate(stored, raw.declared_date)
            return None
        document = clean(raw, decode(raw, self.on_warning))
        if not document.text.strip():
            raise InputError(f"{raw.label}: no article text found.")
        if raw.media_type == "text/html" and not has_prose(document):
            raise InputError(
                f"{raw.label}: no article text found on the page, only menus, links or "
                "captions."
            )
        # a cheap check first: most inputs are new, and a stored document is read whole
        known = self.store.has_document(document.id)
        stored_doc = self.store.document(document.id) if known else None
        linked = self.store.link(document, raw_hash) if stored_doc is not None else None
        if stored_doc is not None and linked is not None:  # else removed meanwhile: analyse
            if stored_doc.origin != raw.origin:
                self.on_warning(_same_text(raw.label, stored_doc))
            self.summary.relinked += bool(linked.replaced)
            self.redate(document.id, raw.declared_date)
            self.already_stored = document.id
            return None
        # the date the user gave the text this one revises, before statements are dated
        earlier, unrelated = stored_from(self.store.db, raw.origin, document)
        carried = None if raw.declared_date else carried_date(self.store.db, earlier)
        for doc_id in unrelated:
            self.on_warning(
                f"{raw.label}: changed since it was stored, and shares too little with the "
                f"text stored from it before ({doc_id[:12]}) to replace it: both are kept "
                f"('talkwatch documents remove {doc_id[:12]}' drops the earlier one)."
            )
        if carried is not None and (carried[1] == "set" or document.date is None):
            # a date set on the earlier text outranks the text's; one given at ingest
            # stands in for a date the text does not say
            document = replace(document, date=carried[0], date_source=carried[1])
        return Prepared(document, raw_hash, raw.label)

    def redate(self, doc_id: str, day: str | None) -> None:
        """``--date`` given for a document already stored: it takes that date."""
        if day and redate(self.store.db, doc_id, day, source="given"):
            self.summary.redated += 1

    def keep(
        self, document: Document, statements: list[Statement], raw_hash: str, label: str = ""
    ) -> None:
        with _counted_before_interrupt():
            kept = self.store.keep(document, statements, raw_hash)
            stored = kept.new
            self.summary.relinked += bool(kept.replaced) and not stored
            if stored:
                self.summary.updated += bool(kept.replaced)
                self.summary.new += 1
                self.summary.statements += len(statements)
                self.summary.undated += document.date is None
            else:
                self.summary.unchanged += 1
        for doc_id in kept.superseded:
            self.on_warning(
                f"{label or document.name}: another version of {self._name(doc_id)} (the same "
                "title, at least half of its sentences), dated no earlier: both are kept, and "
                "only this one counts towards positions and shifts ('talkwatch documents "
                f"remove {doc_id[:12]}' drops the other)."
            )
        if kept.superseded_by:
            self.on_warning(
                f"{label or document.name}: another version of {self._name(kept.superseded_by)}"
                " (the same title, at least half of its sentences), which is dated later: both "
                "are kept, and only that one counts towards positions and shifts."
            )
        if not stored:  # the same text as another input of this run, stored first
            first = self.store.document(document.id)
            if first is not None and first.origin != document.origin:
                self.on_warning(_same_text(label or document.name, first))
        self.on_progress(1)

    def _name(self, doc_id: str) -> str:
        stored = self.store.document(doc_id)
        return stored.name if stored is not None else doc_id[:12]

    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = self.load_analyzer()
        return self._analyzer

    def fail(self, message: str) -> None:
        self.summary.failures.append(message)
        self.on_error(message)
        self.on_progress(1)


@contextmanager
def _counted_before_interrupt() -> Iterator[None]:
    """Ctrl-C waits until a document is both stored and counted, so that the count the
    interrupted ingest prints is what the database holds."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler if previous is None else previous)
    if caught:
        raise KeyboardInterrupt


def _same_text(label: str, stored: StoredDocument) -> str:
    """One line for an input whose text is stored from another: where that one came
    from in full (a path, a URL), as two files of one name in two folders differ."""
    kept = stored.origin if stored.origin.startswith(("/", "http://", "https://")) else stored.name
    return f"{label}: the same text as {kept}, which is stored; not stored again."
