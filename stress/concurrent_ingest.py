"""Concurrency: two ingests of overlapping folders into one database while a reader queries.

    python stress/concurrent_ingest.py [--documents 1000]

Both ingests must finish, every document must be stored exactly once and the
reader must never fail. Prints PASS or FAIL with the figures.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import report, start_ingest, verify, write_documents

from talkwatch.store import Store


@dataclass
class Reader:
    """Queries statements and counts in a loop until stopped; keeps every error."""

    db: Path
    queries: int = 0
    errors: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def loop(self) -> None:
        while not self.db.exists() and not self.stop.is_set():
            time.sleep(0.01)
        try:
            store = Store.open(str(self.db))
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
        finally:
            store.close()


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


def run(folder: Path, documents: int, timeout: float = 900) -> Outcome:
    started = time.monotonic()
    third = documents // 3
    parts = [folder / name for name in ("first", "shared", "last")]
    write_documents(parts[0], range(third))
    write_documents(parts[1], range(third, 2 * third))
    write_documents(parts[2], range(2 * third, documents))
    db = folder / "stress.db"
    reader = Reader(db)
    thread = threading.Thread(target=reader.loop)
    thread.start()
    ingests = [start_ingest(db, parts[0], parts[1]), start_ingest(db, parts[1], parts[2])]
    problems, outputs = [], []
    for n, process in enumerate(ingests, 1):
        out, err = process.communicate(timeout=timeout)
        outputs.append(out.decode().strip())
        if process.returncode != 0:
            problems.append(f"ingest {n} exited {process.returncode}: {err.decode().strip()}")
    reader.stop.set()
    thread.join()
    problems += [f"reader: {error}" for error in reader.errors[:10]]
    verdict = verify(db)
    problems += verdict.problems(documents)
    return Outcome(
        documents, verdict.figures(), problems, outputs, reader.queries, time.monotonic() - started
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        outcome = run(Path(tmp), args.documents)
    for n, output in enumerate(outcome.outputs, 1):
        print(f"ingest {n}: {output}")
    print(f"reader: {outcome.queries} queries while the ingests ran (errors are listed below)")
    return report(outcome.figures, outcome.seconds, outcome.problems, outcome.passed)


if __name__ == "__main__":
    sys.exit(main())
