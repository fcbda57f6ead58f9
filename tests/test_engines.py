"""The same statements whichever engine analyses and whichever database stores them.

The built-in corpus is ingested four ways: in process into SQLite (the
reference), on a local Dask cluster into SQLite, in process into PostgreSQL,
and on Dask into PostgreSQL. Exports must be identical byte for byte apart
from line order, and so must the positions, shifts and issue statuses.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

import talkwatch
from talkwatch import cluster
from talkwatch.cli import cli
from talkwatch.store import Store

CORPUS = Path(talkwatch.__file__).parent / "data" / "corpus"
# The tests that run the Dask engine take the `distributed` fixture: it skips them without the
# 'cluster' extra (and fails them on CI); the others run everywhere.


def talkwatch_ok(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def ingest_and_read(db: str, *options: str, inputs: tuple[str, ...] = (str(CORPUS),)) -> dict:  # type: ignore[type-arg]
    """Ingest, then everything a user reads back, in a form that ignores row order."""
    summary = talkwatch_ok("ingest", *inputs, "--db", db, "-q", *options)
    return {
        "summary": summary,
        "export": sorted(talkwatch_ok("export", "--db", db).splitlines()),
        "csv": sorted(talkwatch_ok("export", "--db", db, "--format", "csv").splitlines()),
        "positions": json.loads(talkwatch_ok("positions", "--db", db, "--format", "json")),
        "shifts": json.loads(talkwatch_ok("shifts", "--db", db, "--format", "json")),
        "issues": json.loads(talkwatch_ok("issues", "--db", db, "--format", "json")),
    }


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    return ingest_and_read(str(tmp_path_factory.mktemp("local") / "local.db"), "--jobs", "1")


def test_the_reference_is_worth_comparing(reference: dict) -> None:  # type: ignore[type-arg]
    assert reference["summary"].startswith("Read 24 inputs: 24 new documents with ")
    assert len(reference["export"]) > 150
    assert {"RUS", "UKR", "USA"} <= {row["party"] for row in reference["positions"]}
    assert reference["shifts"]


def test_dask_into_sqlite_matches(reference: dict, tmp_path: Path, distributed: ModuleType) -> None:  # type: ignore[type-arg]
    found = ingest_and_read(str(tmp_path / "dask.db"), "--engine", "dask", "--jobs", "2")
    assert found == reference


def test_local_into_postgresql_matches(reference: dict, pg_url: str) -> None:  # type: ignore[type-arg]
    assert ingest_and_read(pg_url, "--jobs", "1") == reference


def test_dask_into_postgresql_matches(reference: dict, pg_url: str, distributed: ModuleType) -> None:  # type: ignore[type-arg]
    assert ingest_and_read(pg_url, "--engine", "dask", "--jobs", "2") == reference


def test_address_joins_a_running_cluster(tmp_path: Path, distributed: ModuleType) -> None:
    inputs = tuple(str(p) for p in sorted(CORPUS.iterdir())[:3])
    local = ingest_and_read(str(tmp_path / "local.db"), "--jobs", "1", inputs=inputs)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as running:
        joined = ingest_and_read(
            str(tmp_path / "joined.db"),
            "--engine",
            "dask",
            "--address",
            running.scheduler_address,
            inputs=inputs,
        )
        assert running.scheduler_address.startswith("tcp://")
    assert joined == local
    assert local["summary"].startswith("Read 3 inputs: 3 new documents")


def test_an_unreachable_scheduler_is_one_line_and_stores_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, distributed: ModuleType
) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    db = tmp_path / "t.db"
    result = CliRunner().invoke(
        cli,
        ["ingest", str(CORPUS), "--db", str(db), "-q", "--engine", "dask",
         "--address", "tcp://127.0.0.1:9"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [result.output.strip().splitlines()[0]]  # one line
    assert "tcp://127.0.0.1:9: cannot reach a Dask scheduler" in result.output
    assert "Traceback" not in result.output
    assert talkwatch_ok("export", "--db", str(db)) == ""


def test_address_without_the_dask_engine_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["ingest", str(CORPUS), "--db", str(tmp_path / "t.db"), "--address", "tcp://x:1"]
    )
    assert result.exit_code == 2
    assert "--address names a Dask scheduler; add --engine dask." in result.output


def test_without_the_cluster_extra_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    result = CliRunner().invoke(
        cli, ["ingest", str(CORPUS), "--db", str(tmp_path / "t.db"), "-q", "--engine", "dask"]
    )
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: --engine dask needs talkwatch's 'cluster' extra: "
        "pip install -e '.[cluster]' in the talkwatch folder."
    )


def test_a_failing_worker_is_one_line_and_what_was_stored_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, distributed: ModuleType
) -> None:
    """The second batch fails on the worker: the first batch's documents are kept."""
    real = cluster.analyse_batch

    def fails_on_the_second_batch(documents, actors):  # type: ignore[no-untyped-def]
        if len(documents) < cluster.BATCH_SIZE:
            raise RuntimeError("parser exploded")
        return real(documents, actors)

    monkeypatch.setattr(cluster, "analyse_batch", fails_on_the_second_batch)
    inputs = [str(p) for p in sorted(CORPUS.iterdir())[:10]]  # a batch of 8, then one of 2
    db = str(tmp_path / "t.db")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as running:  # workers in this process, so they run the patched function
        result = CliRunner().invoke(
            cli,
            ["ingest", *inputs, "--db", db, "-q", "--engine", "dask",
             "--address", running.scheduler_address],
        )  # fmt: skip
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: the analysis failed on the Dask cluster (RuntimeError: parser exploded); the "
        "documents stored so far are kept, and the same command continues from there."
    ]
    store = Store.open(db)
    try:
        assert store.counts()["documents"] == cluster.BATCH_SIZE  # the first batch, whole
    finally:
        store.close()
    again = talkwatch_ok("ingest", *inputs, "--db", db, "-q", "--jobs", "1")
    assert again.startswith("Read 10 inputs: 2 new documents")
