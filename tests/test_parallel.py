"""--jobs: worker processes give the same statements, in the same order, as one process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from talkwatch.cli.ingest import load_analyzer
from talkwatch.export import statement_row
from talkwatch.parallel import default_jobs
from talkwatch.runner import WORTH_WORKERS, IngestRun
from talkwatch.store import Store

DISPATCH = (
    "KYIV, March {day}, 2022 — Ukrainian negotiator David Arakhamia said Kyiv was ready to "
    "discuss a neutral status if partners gave binding security guarantees.\n\n"
    '"We will not trade territory for peace," he told reporters after round {day}.\n\n'
    "Kremlin spokesman Dmitry Peskov said Moscow does not intend to occupy Ukraine."
)


def ingest(folder: Path, db: Path, jobs: int) -> list[dict[str, object]]:
    store = Store.open(str(db))
    try:
        summary = IngestRun(store=store, load_analyzer=lambda: load_analyzer(()), jobs=jobs).run(
            [str(folder)]
        )
        assert summary.new == WORTH_WORKERS + 6 and not summary.failures
        rows = [statement_row(st) for st in store.statements()]
    finally:
        store.close()
    return [{k: v for k, v in row.items() if k != "id"} for row in rows]


def test_workers_match_one_process(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for day in range(1, WORTH_WORKERS + 7):
        (folder / f"{day:02d}.txt").write_text(DISPATCH.format(day=day), encoding="utf-8")
    one = ingest(folder, tmp_path / "one.db", jobs=1)
    two = ingest(folder, tmp_path / "two.db", jobs=2)
    assert len(one) == 3 * (WORTH_WORKERS + 6)
    assert two == one


def test_default_jobs_is_the_usable_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cores this process may run on (its affinity), not every core of the machine."""
    monkeypatch.setattr(os, "cpu_count", lambda: 16)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 3, 5}, raising=False)
    assert default_jobs() == 3
    monkeypatch.delattr(os, "sched_getaffinity")  # as on macOS and Windows
    assert default_jobs() == 16
    monkeypatch.setattr(os, "cpu_count", lambda: None)  # the count cannot be determined
    assert default_jobs() == 1
