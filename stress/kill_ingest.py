"""Crash safety: kill -9 an ingest part-way, re-run it, check every document is there once.

    python stress/kill_ingest.py [--documents 1000] [--kill-after 300] [--db postgresql://...]

Prints PASS or FAIL with the figures; the exit status is 0 on PASS.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import kill_group, report, start_ingest, stored_documents, verify, write_documents


@dataclass
class Outcome:
    documents: int
    stored_at_kill: int
    figures: str
    problems: list[str]
    rerun_output: str
    seconds: float

    @property
    def passed(self) -> bool:
        return not self.problems and 0 < self.stored_at_kill < self.documents


def run(
    folder: Path,
    documents: int,
    kill_after: int,
    timeout: float = 600,
    db: str | None = None,
    jobs: int | None = None,
) -> Outcome:
    """Ingest into ``db`` (an empty database; a file in ``folder`` by default), kill, re-run.

    ``jobs`` goes to both ingests (None: talkwatch's default, a worker per core).
    """
    started = time.monotonic()
    docs, db = folder / "docs", db or str(folder / "stress.db")
    write_documents(docs, range(documents))
    first = start_ingest(db, docs, jobs=jobs)
    while stored_documents(db) < kill_after and first.poll() is None:
        if time.monotonic() - started > timeout:
            break
        time.sleep(0.05)
    kill_group(first)  # SIGKILL, no chance to clean up
    stored_at_kill = stored_documents(db)
    second = start_ingest(db, docs, jobs=jobs)
    out, err = second.communicate(timeout=timeout)
    verdict = verify(db)
    problems = verdict.problems(documents)
    if second.returncode != 0:
        problems.append(f"the re-run exited {second.returncode}: {err.decode().strip()}")
    return Outcome(
        documents,
        stored_at_kill,
        verdict.figures(),
        problems,
        out.decode().strip(),
        time.monotonic() - started,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--kill-after", type=int, default=300, help="documents stored first")
    parser.add_argument("--db", help="an empty database (file or postgresql:// URL)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        outcome = run(Path(tmp), args.documents, args.kill_after, db=args.db)
    print(f"killed with {outcome.stored_at_kill} of {outcome.documents} documents stored")
    print(f"re-run: {outcome.rerun_output}")
    return report(outcome.figures, outcome.seconds, outcome.problems, outcome.passed)


if __name__ == "__main__":
    sys.exit(main())
