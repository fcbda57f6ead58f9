"""`talkwatch watch` against a local feed of N articles over C cycles.

A web server in this process (127.0.0.1, http.server in a thread) serves a
feed that grows by N/C articles at each poll, and the article pages: the
sample corpus and ../shared/seeds replicated to N distinct documents
(bench/corpus.py), each as an HTML news page. Three runs, each into a fresh
SQLite database, with the same --jobs and the analyzer loaded beforehand:

1. ``ingest`` of the same N HTML files (IngestRun, as `talkwatch ingest`);
2. C watch cycles in this process (Watcher, as `talkwatch watch --once`,
   --delay 0 since every article comes from the one local host), then one
   more poll of the unchanged feed;
3. C cycles of the command line, `talkwatch watch --once`, the middle one
   killed with SIGKILL once some of its documents are stored, then run again.

Targets (issue 15): every article ingested exactly once, also after the
kill -9 (N documents, N articles marked ingested, the same statements as the
uninterrupted run); the unchanged feed fetches no article (a 304); time per
article of the watch within 1.2x of ingest.

    python bench/watch.py [--articles 500] [--cycles 5] [--jobs 1]
"""

from __future__ import annotations

import argparse
import html
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from corpus import write_corpus

from talkwatch import feedstore
from talkwatch.fetch import Fetcher
from talkwatch.pipeline import Analyzer
from talkwatch.runner import IngestRun
from talkwatch.store import Store
from talkwatch.watch import Watcher


class Newsroom:
    """Article pages and a feed that shows ``visible`` of them, newest first."""

    def __init__(self, pages: dict[str, bytes]) -> None:
        self.pages = pages
        self.order = sorted(pages)
        self.visible = 0
        self.fetches: Counter[str] = Counter()
        self.lock = threading.Lock()
        room = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with room.lock:
                    room.fetches[self.path] += 1
                    visible = room.visible
                if self.path == "/feed.xml":
                    etag = f'"{visible}"'
                    if self.headers.get("If-None-Match") == etag:
                        self.answer(304, b"", etag)
                    else:
                        self.answer(200, room.feed(visible), etag, "application/rss+xml")
                elif self.path in room.pages:
                    self.answer(200, room.pages[self.path], "", "text/html; charset=utf-8")
                else:
                    self.answer(404, b"", "")

            def answer(self, status: int, body: bytes, etag: str, kind: str = "") -> None:
                self.send_response(status)
                if etag:
                    self.send_header("ETag", etag)
                if kind:
                    self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def feed(self, visible: int) -> bytes:
        items = "".join(
            f"<item><title>Report {path}</title><link>{self.base}{path}</link></item>"
            for path in reversed(self.order[:visible])
        )
        return (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>{items}'
            "</channel></rss>"
        ).encode()

    def article_fetches(self) -> Counter[str]:
        return Counter({p: n for p, n in self.fetches.items() if p in self.pages})


def html_page(text: str, n: int) -> bytes:
    lines = [line.strip() for line in text.split("\n\n") if line.strip()]
    title = html.escape(lines[0][:80])
    body = "".join(f"<p>{html.escape(p)}</p>" for p in lines)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
        f'<nav><a href="/">Home</a></nav><article><h1>{title}</h1>{body}</article>'
        f"<footer>Bench news {n}</footer></body></html>"
    ).encode()


def counts(db: str) -> tuple[int, int, int]:
    """(documents, statements, articles marked ingested) in an SQLite database."""
    with sqlite3.connect(db) as c:
        docs = c.execute("SELECT count(*) FROM documents").fetchone()[0]
        statements = c.execute("SELECT count(*) FROM statements").fetchone()[0]
        try:
            done = c.execute("SELECT count(*) FROM articles WHERE status='ingested'").fetchone()[0]
        except sqlite3.OperationalError:
            done = 0
    return int(docs), int(statements), int(done)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "talkwatch", *args], capture_output=True, text=True, check=False
    )


def killed_run(
    room: Newsroom,
    db: str,
    n: int,
    cycles: int,
    jobs: int,
    say: Callable[[str], None] = print,
    kill_cycle: int | None = None,
) -> int:
    """C cycles of `talkwatch watch --once` into ``db``; one (the middle one unless
    ``kill_cycle`` says which) is killed with SIGKILL once a third of its articles are
    stored, then run again. Returns how many documents were stored when it was killed."""
    cli("feeds", "add", room.base + "/feed.xml", "--db", db)
    watch = ["watch", "--once", "--db", db, "--delay", "0", "--jobs", str(jobs)]
    killed_at = -1
    for cycle in range(1, cycles + 1):
        room.visible = n * cycle // cycles
        if cycle == (kill_cycle or (cycles + 1) // 2):
            target = counts(db)[0] + max(1, n // cycles // 3)
            process = subprocess.Popen(
                [sys.executable, "-m", "talkwatch", *watch],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            while process.poll() is None and counts(db)[0] < target:
                time.sleep(0.05)
            process.send_signal(signal.SIGKILL)
            process.wait()
            killed_at = counts(db)[0]
            say(f"  cycle {cycle}: killed -9 with {killed_at} documents stored; run again")
        result = cli(*watch)
        line = result.stdout.strip().splitlines()[0] if result.stdout.strip() else result.stderr
        say(f"  cycle {cycle} (command line): {line}")
    return killed_at


def newsroom(work: Path, n: int) -> tuple[Newsroom, Path]:
    """N article pages (written to work/pages too) and a server for them."""
    texts = write_corpus(work / "texts", n)
    pages_dir = work / "pages"
    pages_dir.mkdir()
    pages: dict[str, bytes] = {}
    for i, text in enumerate(texts):
        page = html_page(text, i)
        (pages_dir / f"report{i:05d}.html").write_bytes(page)
        pages[f"/news/report{i:05d}.html"] = page
    return Newsroom(pages), pages_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--cycles", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    n, cycles = args.articles, args.cycles
    work = Path(tempfile.mkdtemp(prefix="talkwatch-watch-bench-"))
    room, pages_dir = newsroom(work, n)
    print(f"{n} articles, {cycles} cycles, --jobs {args.jobs}; working in {work}")
    analyzer = Analyzer.load()

    # 1. ingest of the same files
    db1 = str(work / "ingest.db")
    store = Store.open(db1)
    started = time.perf_counter()
    IngestRun(store, lambda: analyzer, jobs=args.jobs).run([str(pages_dir)])
    ingest_seconds = time.perf_counter() - started
    store.close()
    ingest_docs, ingest_statements, _ = counts(db1)

    # 2. the watch, in this process
    db2 = str(work / "watch.db")
    store = Store.open(db2)
    feedstore.add_feed(store.db, room.base + "/feed.xml", "bench", "")
    watcher = Watcher(store, lambda: analyzer, Fetcher(delay=0.0), jobs=args.jobs)
    watch_seconds = 0.0
    for cycle in range(1, cycles + 1):
        room.visible = n * cycle // cycles
        started = time.perf_counter()
        report = watcher.cycle()
        watch_seconds += time.perf_counter() - started
        print(f"  cycle {cycle}: {report.line()}")
    before = sum(room.article_fetches().values())
    started = time.perf_counter()
    unchanged = watcher.cycle()
    repoll_seconds = time.perf_counter() - started
    repoll_fetches = sum(room.article_fetches().values()) - before
    store.close()
    watch_docs, watch_statements, watch_done = counts(db2)
    fetched_twice = sum(1 for c in room.article_fetches().values() if c > 1)

    # 3. the command line, killed with SIGKILL in the middle cycle
    db3 = str(work / "killed.db")
    room.visible, room.fetches = 0, Counter()
    killed_at = killed_run(room, db3, n, cycles, args.jobs)
    killed_docs, killed_statements, killed_done = counts(db3)
    refetched = sum(1 for c in room.article_fetches().values() if c > 1)

    per_ingest = ingest_seconds / max(1, ingest_docs)
    per_watch = watch_seconds / max(1, watch_docs)
    print()
    print(f"ingest:  {ingest_docs} documents, {ingest_statements} statements in "
          f"{ingest_seconds:.1f} s = {1000 * per_ingest:.1f} ms per article")  # fmt: skip
    print(f"watch:   {watch_docs} documents, {watch_statements} statements, {watch_done} "
          f"articles marked ingested in {watch_seconds:.1f} s over {cycles} cycles = "
          f"{1000 * per_watch:.1f} ms per article; ratio {per_watch / per_ingest:.2f} "
          "(target <= 1.2)")  # fmt: skip
    print(f"         articles fetched more than once: {fetched_twice}")
    print(
        f"re-poll of the unchanged feed: {unchanged.unchanged} feed unchanged (304), "
        f"{repoll_fetches} articles fetched (target: 0), {repoll_seconds * 1000:.0f} ms"
    )
    print(f"kill -9: {killed_docs} documents, {killed_statements} statements, {killed_done} "
          f"articles marked ingested (target: {n}, {watch_statements} statements); "
          f"{refetched} articles fetched again after the kill")  # fmt: skip
    exactly_once = (
        killed_docs == watch_docs == ingest_docs == n
        and killed_done == watch_done == n
        and killed_statements == watch_statements == ingest_statements
    )
    print(f"exactly once: {'yes' if exactly_once else 'NO'}; killed run stored "
          f"{killed_at} documents before the kill")  # fmt: skip
    room.server.shutdown()


if __name__ == "__main__":
    main()
