"""One watch cycle: poll the feeds, fetch the new articles, ingest the relevant ones.

1. Poll every feed that is due (those failing wait for their retry time),
   several hosts at once. A poll's new links are written as pending together
   with the feed's ETag, so nothing a feed announced is lost if the watcher
   is killed; an unchanged feed answers 304 and costs nothing more.
2. Fetch the pending articles, one thread per host (``fetch.Fetcher`` keeps
   each host to one request at a time, with its delay), and hand them to
   the analysis as they arrive: cleaned, dated (page metadata, then the feed
   entry's date, then the URL, then the dateline), judged by the relevance
   gate, analysed in batches as ``ingest`` does, stored.
3. Mark each article done after its document is stored. An article already
   stored (same address, bytes or cleaned text) is not stored twice, so a
   cycle interrupted anywhere is completed, never duplicated, by the next.

Every problem is one line naming the feed or URL; the cycle goes on.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from . import feedstore
from .documents import stored_document_of_input
from .feeds import MAX_FEED_BYTES, read_feed
from .feedstore import FAILED, MAX_ATTEMPTS, Feed, Pending
from .fetch import Answer, Disallowed, Fetcher, FetchError, Refused
from .ingest import InputError
from .records import Document, RawInput
from .relevance import Gate
from .runner import IngestRun, Prepared
from .standing import refresh
from .store import Store

if TYPE_CHECKING:
    from .pipeline import Analyzer

MAX_HOSTS = 8  # hosts fetched from at once
ARTICLE_BYTES = 10 * 1024 * 1024
MIN_ARTICLE_WORDS = 12  # fewer words extracted from a page: navigation, not an article
RETRY_BASE = 300.0  # seconds before a failing feed is polled again (doubled each time)


@dataclass
class CycleReport:
    feeds: int = 0
    waiting: int = 0  # failing feeds not polled: their retry time has not come
    unchanged: int = 0
    failed_feeds: int = 0
    new_links: int = 0
    updated: int = 0
    seen: int = 0
    fetched: int = 0
    ingested: int = 0
    statements: int = 0
    duplicates: int = 0
    off_topic: int = 0
    no_article: int = 0
    failed_articles: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        def n(count: int, word: str) -> str:
            return (
                f"{count} {word}{'s' * (count != 1)}"
                if word[-1] != "y" or count == 1
                else (f"{count} {word[:-1]}ies")
            )

        parts = [
            f"Polled {n(self.feeds, 'feed')} ({self.unchanged} unchanged, "
            f"{self.failed_feeds} failed): {n(self.new_links, 'new link')}, "
            f"{self.updated} updated, {self.seen} seen before",
            f"fetched {n(self.fetched, 'article')}: {self.ingested} ingested with "
            f"{n(self.statements, 'statement')}, {self.duplicates} already stored, "
            f"{self.off_topic} off-topic, {self.no_article} without an article, "
            f"{self.failed_articles} failed",
        ]
        if self.waiting:  # not polled: named, so no feed goes unmentioned
            parts.insert(1, f"{n(self.waiting, 'failing feed')} waiting for its retry")
        return "; ".join(parts) + "."


@dataclass
class Watcher:
    """Watches the feeds of one store; ``cycle()`` runs one poll-fetch-ingest round."""

    store: Store
    load_analyzer: Callable[[], Analyzer]
    fetcher: Fetcher = field(default_factory=Fetcher)
    jobs: int = 1
    actor_files: tuple[str, ...] = ()
    retry_base: float = RETRY_BASE
    max_hosts: int = MAX_HOSTS
    on_problem: Callable[[str], None] = lambda message: None
    gate: Gate | None = None
    _analyzer: Analyzer | None = None

    def cycle(self) -> CycleReport:
        report = CycleReport()
        self.poll(report)
        self.fetch_and_ingest(report)
        refresh(self.store.db)
        return report

    def problem(self, report: CycleReport, message: str) -> None:
        report.problems.append(message)
        self.on_problem(message)

    # -- 1. polling ------------------------------------------------------------

    def poll(self, report: CycleReport) -> None:
        db = self.store.db
        feeds = feedstore.due_feeds(db)
        report.feeds = len(feeds)
        report.waiting = feedstore.waiting_feeds(db)
        if not feeds:
            return
        workers = min(self.max_hosts, len({_host(f.url) for f in feeds}))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            answers = pool.map(self._poll_one, feeds)
            for feed, answer in zip(feeds, answers, strict=True):
                self._take_poll(feed, answer, report)

    def _poll_one(self, feed: Feed) -> Answer | FetchError:
        try:
            return self.fetcher.get(
                feed.url, feed.etag, feed.modified, max_bytes=MAX_FEED_BYTES, truncate=True
            )
        except FetchError as err:
            return err

    def _take_poll(self, feed: Feed, answer: Answer | FetchError, report: CycleReport) -> None:
        db = self.store.db
        if isinstance(answer, FetchError):
            self._feed_failed(feed, str(answer), report)
            return
        if answer.unchanged:
            report.unchanged += 1
            feedstore.record_unchanged(db, feed)
            return
        content = read_feed(answer.body, feed.url, answer.truncated)
        if not content.entries and content.problems:
            self._feed_failed(feed, content.problems[-1], report)
            return
        for message in content.problems:
            self.problem(report, message)
        new, updated, seen = feedstore.record_poll(
            db, feed, content.entries, answer.etag, answer.modified
        )
        report.new_links += new
        report.updated += updated
        report.seen += seen

    def _feed_failed(self, feed: Feed, message: str, report: CycleReport) -> None:
        report.failed_feeds += 1
        retry = feedstore.record_failure(self.store.db, feed, message, self.retry_base)
        self.problem(report, f"{message.rstrip('.')}; the feed is tried again after {retry}.")

    # -- 2. fetching and ingesting ----------------------------------------------

    def fetch_and_ingest(self, report: CycleReport) -> None:
        db = self.store.db
        filters = {feed.id: feed.filter for feed, _ in feedstore.list_feeds(db)}
        todo: list[Pending] = []
        for article in feedstore.pending_articles(db):
            doc_id = None if article.revised else feedstore.stored_from(db, article.url)
            if doc_id is not None:  # stored by a run killed before it could say so
                feedstore.finish(db, article.url, "ingested", doc_id)
            else:
                todo.append(article)
        if not todo:
            return
        run = IngestRun(
            store=self.store,
            load_analyzer=self.analyzer,
            jobs=self.jobs,
            actor_files=self.actor_files,
        )
        waiting: deque[tuple[Pending, str]] = deque()  # in the order documents go to analysis

        def relevant() -> Iterator[Document]:
            for article, answer in self._fetched(todo):
                prepared = self._prepare(run, article, answer, filters, report)
                if prepared is not None:
                    waiting.append((article, prepared.raw_hash))
                    yield prepared.document

        for document, statements in run.analysed(relevant()):
            article, raw_hash = waiting.popleft()
            if self.store.add(document, statements, raw_hash):
                report.ingested += 1
                report.statements += len(statements)
                feedstore.finish(db, article.url, "ingested", document.id)
            else:  # the same text arrived from another address meanwhile
                report.duplicates += 1
                feedstore.finish(db, article.url, "duplicate", document.id)

    def _fetched(self, todo: list[Pending]) -> Iterator[tuple[Pending, Answer | FetchError]]:
        """Articles as they arrive; one thread per host, at most ``max_hosts`` at once."""
        by_host: dict[str, list[Pending]] = {}
        for article in todo:
            by_host.setdefault(_host(article.url), []).append(article)
        arrived: queue.Queue[tuple[Pending, Answer | FetchError]] = queue.Queue()
        stop = threading.Event()

        def fetch_host(articles: list[Pending]) -> None:
            for article in articles:
                if stop.is_set():
                    return
                try:
                    answer: Answer | FetchError = self.fetcher.get(
                        article.url, max_bytes=ARTICLE_BYTES
                    )
                except FetchError as err:
                    answer = err
                arrived.put((article, answer))

        pool = ThreadPoolExecutor(max_workers=min(self.max_hosts, len(by_host)))
        try:
            for articles in by_host.values():
                pool.submit(fetch_host, articles)
            for _ in range(len(todo)):
                yield arrived.get()
        finally:
            stop.set()
            pool.shutdown(wait=True)

    def _prepare(
        self, run: IngestRun, article: Pending, answer: Answer | FetchError,
        filters: dict[int, str], report: CycleReport,
    ) -> Prepared | None:  # fmt: skip
        """The document to analyse, or None with the article's outcome recorded."""
        db = self.store.db
        if isinstance(answer, Disallowed):
            self._turned_away(article, report, str(answer))
            return None
        if isinstance(answer, FetchError):
            report.failed_articles += 1
            # a page gone for good or over the size limit is not asked for again
            final = isinstance(answer, Refused)
            left = 0 if final else MAX_ATTEMPTS - article.attempts - 1
            again = f"; tried again next cycle ({left} tr{'ies' if left != 1 else 'y'} left)"
            feedstore.finish(db, article.url, FAILED, error=str(answer), final=final)
            self.problem(report, str(answer).rstrip(".") + (again if left > 0 else "; given up."))
            return None
        report.fetched += 1
        if not answer.media_type.startswith("text/") and "xml" not in answer.media_type:
            message = f"{article.url}: the server sent {answer.media_type}, not a page."
            self._turned_away(article, report, message)
            return None
        media = "text/plain" if answer.media_type == "text/plain" else "text/html"
        raw = RawInput(
            article.url, article.url, answer.body, media, None, feed_date=article.feed_date
        )
        try:
            prepared = run.prepare_raw(raw)
        except InputError as err:
            self._turned_away(article, report, str(err))
            return None
        if prepared is not None and len(prepared.document.text.split()) < MIN_ARTICLE_WORDS:
            self._turned_away(article, report, f"{article.url}: no article text found.")
            return None
        if prepared is None:  # the same bytes or text is stored already
            raw_hash = hashlib.sha256(raw.data).hexdigest()
            doc_id = stored_document_of_input(db, article.url, raw_hash)
            if article.revised:  # marked updated (and counted so), its text the one stored
                feedstore.finish(db, article.url, "ingested", doc_id)
                return None
            report.duplicates += 1
            feedstore.finish(db, article.url, "duplicate", doc_id)
            return None
        verdict = self.the_gate().judge(prepared.document.text, filters.get(article.feed_id, ""))
        if not verdict.relevant:
            report.off_topic += 1
            feedstore.finish(db, article.url, "off-topic", error=verdict.reason)
            return None
        return prepared

    def _turned_away(self, article: Pending, report: CycleReport, message: str) -> None:
        report.no_article += 1
        feedstore.finish(self.store.db, article.url, "no-article", error=message)
        self.problem(report, message)

    def the_gate(self) -> Gate:
        if self.gate is None:
            self.gate = Gate.load()
        return self.gate

    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = self.load_analyzer()
        return self._analyzer


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()
