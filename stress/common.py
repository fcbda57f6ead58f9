"""Shared by the stress scripts: a generated corpus, ingest subprocesses, verification."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

TEMPLATE = (
    "KYIV, March {day}, 2025 — Kremlin spokesman Dmitry Peskov said Moscow was ready to "
    "discuss a ceasefire on front line number {n}.\n\n"
    '"We will not give up sector {n} of our territory," Zelensky said.\n'
)
STATEMENTS_PER_DOCUMENT = 2


def write_documents(folder: Path, numbers: range) -> list[Path]:
    """One small distinct article per number, two statements each."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in numbers:
        path = folder / f"doc{n:05d}.txt"
        path.write_text(TEMPLATE.format(day=1 + n % 28, n=n), encoding="utf-8")
        paths.append(path)
    return paths


def talkwatch(*args: str) -> list[str]:
    """The command line for `talkwatch ARGS` run by this Python."""
    return [sys.executable, "-c", "from talkwatch.cli import cli; cli()", *args]


def start_ingest(
    db: Path | str, *targets: Path, jobs: int | None = None
) -> subprocess.Popen[bytes]:
    """`talkwatch ingest` in its own process group (so its workers can be killed with it).

    ``jobs`` None leaves talkwatch's default (one worker per core).
    """
    options = ["--jobs", str(jobs)] if jobs else []
    return subprocess.Popen(
        talkwatch("ingest", *map(str, targets), "--db", str(db), "-q", *options),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_interruptible,
    )


def _interruptible() -> None:
    """Ctrl-C as a terminal's foreground job gets it: a shell without job control
    starts a background command (`cmd &`) with SIGINT ignored, and a child inherits that,
    so a suite run that way would see an ingest that no Ctrl-C can stop."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def stored_documents(db: Path | str) -> int:
    """Documents committed so far, read without disturbing the writer."""
    if str(db).lower().startswith(("postgresql://", "postgres://")):
        import psycopg

        with psycopg.connect(str(db)) as conn:
            if conn.execute("SELECT to_regclass('documents')").fetchone() == (None,):
                return 0  # the schema is not created yet
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    if not Path(db).exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not created yet
        return 0


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the process and everything it started (its process group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, 9)
    process.wait()


@dataclass
class Verdict:
    documents: int
    distinct_names: int
    statements: int
    inputs: int
    partial: list[str]
    check: str
    check_ok: bool

    def problems(self, expected: int) -> list[str]:
        found = []
        if self.documents != expected:
            found.append(f"{self.documents} documents stored, expected {expected}")
        if self.distinct_names != self.documents:
            found.append(f"{self.documents - self.distinct_names} documents stored twice")
        if self.statements != expected * STATEMENTS_PER_DOCUMENT:
            found.append(
                f"{self.statements} statements, expected {expected * STATEMENTS_PER_DOCUMENT}"
            )
        if self.inputs != expected:
            found.append(f"{self.inputs} inputs recorded, expected {expected}")
        found += [f"partial document: {name}" for name in self.partial]
        if not self.check_ok:
            found.append(f"talkwatch check failed: {self.check}")
        return found

    def figures(self) -> str:
        return (
            f"{self.documents} documents ({self.distinct_names} distinct), "
            f"{self.statements} statements, {self.inputs} inputs"
        )


def verify(db: Path | str) -> Verdict:
    """Counts, documents with the wrong number of statements, and `talkwatch check`."""
    from talkwatch.store import Store

    store = Store.open(str(db))
    try:
        count = lambda sql: int(store.db.execute(sql).fetchone()[0])  # noqa: E731
        partial = [
            name
            for name, n in store.db.execute(
                "SELECT d.name, count(s.id) FROM documents d "
                "LEFT JOIN statements s ON s.doc_id = d.id GROUP BY d.id, d.name"
            )
            if n != STATEMENTS_PER_DOCUMENT
        ]
        verdict = Verdict(
            documents=count("SELECT count(*) FROM documents"),
            distinct_names=count("SELECT count(DISTINCT name) FROM documents"),
            statements=count("SELECT count(*) FROM statements"),
            inputs=count("SELECT count(*) FROM inputs"),
            partial=partial,
            check="",
            check_ok=False,
        )
    finally:
        store.close()
    checked = subprocess.run(talkwatch("check", "--db", str(db)), capture_output=True, text=True)
    verdict.check = (checked.stdout + checked.stderr).strip()
    verdict.check_ok = checked.returncode == 0
    return verdict


def report(figures: str, seconds: float, problems: list[str], passed: bool) -> int:
    """Print the closing lines every stress script ends with; the exit status."""
    print(f"after: {figures}; {seconds:.1f} s in all")
    for problem in problems:
        print(f"problem: {problem}")
    print("PASS" if passed else "FAIL")
    return 0 if passed else 1
