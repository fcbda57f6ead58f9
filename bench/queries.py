"""Query speed with 100,000 statements: positions, timeline, statements --speaker.

Builds a synthetic database (bench/synthetic.py), refreshes the stored
positions once (as the end of an ingest does), then times each command's
query in-process, 20 runs each, and prints the median and the slowest run
against the 100 ms target. Also times the one-off refresh after adding one
document (what an incremental ingest pays).

    python bench/queries.py [--statements 100000]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from synthetic import build

from talkwatch.standing import issue_standings, refresh, standings, stored_shifts
from talkwatch.store import Store

RUNS = 20


def timed(query: Callable[[], object]) -> tuple[float, float]:
    seconds = []
    for _ in range(RUNS):
        start = time.perf_counter()
        query()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds) * 1000, max(seconds) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.db")
        start = time.perf_counter()
        build(path, args.statements)
        print(f"built {args.statements:,} statements in {time.perf_counter() - start:.1f} s")
        store = Store.open(path)
        start = time.perf_counter()
        pairs = refresh(store.db)
        print(f"first refresh of {pairs} (party, issue) pairs: {time.perf_counter() - start:.2f} s")
        queries = {
            "positions": lambda: standings(store.db),
            "shifts (latest 100)": lambda: stored_shifts(store.db, 100),
            "issues": lambda: issue_standings(store.db),
            "timeline --party UKR --issue territory": lambda: store.timeline("UKR", "territory"),
            "timeline (latest 500)": lambda: store.timeline(),
            "statements --speaker 'Speaker 017'": lambda: store.statements(speaker="Speaker 017"),
        }
        for name, query in queries.items():
            median, worst = timed(query)
            verdict = "ok" if worst < 100 else "SLOW"
            print(f"{name:<42} median {median:7.1f} ms  slowest {worst:7.1f} ms  {verdict}")
        store.db.executemany(  # what one new document touching three pairs leaves stale
            "INSERT OR IGNORE INTO stale_positions VALUES (?, ?)",
            [("UKR", "territory"), ("RUS", "territory"), ("USA", "sanctions")],
        )
        start = time.perf_counter()
        refresh(store.db)
        print(f"refresh after a document touching 3 pairs: {time.perf_counter() - start:.3f} s")
        store.close()


if __name__ == "__main__":
    main()
