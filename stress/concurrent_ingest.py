"""Concurrency: two ingests of overlapping folders into one database while a reader queries.

    python stress/concurrent_ingest.py [--documents 1000] [--db postgresql://...] [--serve]

Both ingests must finish, every document must be stored exactly once and the
reader must never fail. The reader queries the store directly, or with
--serve a running `talkwatch serve` over HTTP. --db names an empty database
(an SQLite file in a temporary folder by default). Prints PASS or FAIL with
the figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import report, start_ingest, talkwatch, verify, write_documents

from talkwatch.database import is_server_url
from talkwatch.store import Store

PAUSE = 0.02  # seconds between a reader's rounds: it reads throughout without taking a core


@dataclass
class Reader:
    """Queries statements and counts in a loop until stopped; keeps every error."""

    db: str
    queries: int = 0
    errors: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def loop(self) -> None:
        while not is_server_url(self.db) and not Path(self.db).exists():
            if self.stop.is_set():
                return
            time.sleep(0.01)
        try:
            store = Store.open(self.db)
        except Exception as err:
            self.errors.append(f"open: {err!r}")
            return
        last = 0
        try:
            while not self.stop.is_set():
                try:
                    statements = len(store.statements())
                    store.counts()
                    store.statements(party="RUS", issue="ceasefire")
                except Exception as err:
                    self.errors.append(repr(err))
                    continue
                if statements < last:
                    self.errors.append(f"statements went down from {last} to {statements}")
                last = statements
                self.queries += 1
                self.stop.wait(PAUSE)
        finally:
            store.close()


@dataclass
class HttpReader(Reader):
    """The same loop against `talkwatch serve` over HTTP: statements, positions, overview."""

    base: str = ""

    def loop(self) -> None:
        last = 0
        while not self.stop.is_set():
            try:
                total = int(self._get("/api/statements?limit=5")["total"])
                self._get("/api/positions")
                with urllib.request.urlopen(self.base + "/", timeout=30) as page:
                    page.read()
            except Exception as err:
                self.errors.append(repr(err))
                time.sleep(0.1)
                continue
            if total < last:
                self.errors.append(f"statements went down from {last} to {total}")
            last = total
            self.queries += 1
            self.stop.wait(PAUSE)

    def _get(self, path: str) -> dict:  # type: ignore[type-arg]
        with urllib.request.urlopen(self.base + path, timeout=30) as answer:
            return json.loads(answer.read())  # type: ignore[no-any-return]


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    """`talkwatch serve` on the database, made first (the dashboard runs before the ingests
    that fill it); returns once it answers."""
    from talkwatch.store import Store

    Store.open(db).close()
    server = subprocess.Popen(
        talkwatch("serve", "--db", db, "--port", str(port)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/issues", timeout=5).read()
            return server
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(f"serve exited: {server.stderr.read().decode()}") from None
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("serve did not answer within 60 s")


@dataclass
class Outcome:
    documents: int
    figures: str
    problems: list[str]
    outputs: list[str]
    queries: int
    seconds: float

    @property
    def passed(self) -> bool:
        return not self.problems and self.queries > 0


def run(
    folder: Path,
    documents: int,
    timeout: float = 900,
    db: str | None = None,
    serve_port: int | None = None,
    jobs: int | None = None,
) -> Outcome:
    """Two ingests into ``db`` (a file in ``folder`` by default) with a reader running.

    With ``serve_port`` the reader goes through `talkwatch serve` on that port. ``jobs``
    goes to both ingests (None: talkwatch's default, a worker per core).
    """
    started = time.monotonic()
    third = documents // 3
    parts = [folder / name for name in ("first", "shared", "last")]
    write_documents(parts[0], range(third))
    write_documents(parts[1], range(third, 2 * third))
    write_documents(parts[2], range(2 * third, documents))
    db = db or str(folder / "stress.db")
    server = None
    if serve_port is not None:
        server = start_server(db, serve_port)
        reader: Reader = HttpReader(db, base=f"http://127.0.0.1:{serve_port}")
    else:
        reader = Reader(db)
    thread = threading.Thread(target=reader.loop)
    thread.start()
    ingests = [
        start_ingest(db, parts[0], parts[1], jobs=jobs),
        start_ingest(db, parts[1], parts[2], jobs=jobs),
    ]
    problems, outputs = [], []
    for n, process in enumerate(ingests, 1):
        out, err = process.communicate(timeout=timeout)
        outputs.append(out.decode().strip())
        if process.returncode != 0:
            problems.append(f"ingest {n} exited {process.returncode}: {err.decode().strip()}")
    reader.stop.set()
    thread.join()
    if server is not None:
        server.terminate()
        server.wait(timeout=30)
    problems += [f"reader: {error}" for error in reader.errors[:10]]
    verdict = verify(db)
    problems += verdict.problems(documents)
    return Outcome(
        documents, verdict.figures(), problems, outputs, reader.queries, time.monotonic() - started
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--db", help="an empty database (file or postgresql:// URL)")
    parser.add_argument("--serve", type=int, metavar="PORT", help="read through talkwatch serve")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        outcome = run(Path(tmp), args.documents, db=args.db, serve_port=args.serve)
    for n, output in enumerate(outcome.outputs, 1):
        print(f"ingest {n}: {output}")
    print(f"reader: {outcome.queries} queries while the ingests ran (errors are listed below)")
    return report(outcome.figures, outcome.seconds, outcome.problems, outcome.passed)


if __name__ == "__main__":
    sys.exit(main())
