"""The PostgreSQL store: its schema, concurrent writers and readers, and errors in words.

What it shares with the SQLite store (round trips, filters, positions, the
API and the pages) is tested on both in test_store.py, test_standing.py,
test_web_api.py and test_web_pages.py.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from talkwatch.cli import cli
from talkwatch.database import public_location
from talkwatch.store import SCHEMA_VERSION, Store, StoreError
from test_store import document, two_statements

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stress"))

import concurrent_ingest
import kill_ingest


def columns_in_sqlite(path: str) -> dict[str, list[str]]:
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: [r[1] for r in db.execute(f"PRAGMA table_info({t})")] for t in tables}


def columns_in_postgres(store: Store) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for table, column in store.db.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
    ):
        found.setdefault(table, []).append(column)
    return found


def test_the_server_has_the_same_tables_and_columns(pg_url: str, tmp_path: Path) -> None:
    Store.open(str(tmp_path / "t.db")).close()
    store = Store.open(pg_url)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        on_server = columns_in_postgres(store)
    finally:
        store.close()
    # PostgreSQL has no implicit rowid: the migrations give each table one, first.
    assert {t: [c for c in cols if c != "rowid"] for t, cols in on_server.items()} == (
        columns_in_sqlite(str(tmp_path / "t.db"))
    )
    assert all(cols[0] == "rowid" for cols in on_server.values())


def test_four_processes_opening_an_empty_database_migrate_it_once(pg_url: str) -> None:
    errors: list[BaseException] = []

    def open_and_close() -> None:
        try:
            Store.open(pg_url).close()
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=open_and_close) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    store = Store.open(pg_url)
    try:
        versions = [v for (v,) in store.db.execute("SELECT version FROM schema_version")]
    finally:
        store.close()
    assert sorted(versions) == list(range(1, SCHEMA_VERSION + 1))


def test_the_database_not_a_read_keeps_documents_unique(pg_url: str) -> None:
    """Two connections add the same document: one insert wins, the other stores nothing."""
    first, second = Store.open(pg_url), Store.open(pg_url)
    try:
        doc = document()
        first.db.begin()
        first.db.execute(
            "INSERT INTO documents (id, name, origin, text, original, ingested_at) "
            "VALUES (?, 'x', 'x', 'x', 'x', 'now')",
            (doc.id,),
        )
        # `second` checked before `first` committed: it saw no such document
        assert not second.has_document(doc.id)
        added = once_first_commits(
            first, second, lambda: second.add(doc, two_statements(doc), "raw2")
        )
        assert added is False
        assert second.counts() == {"documents": 1, "statements": 0, "inputs": 1}
    finally:
        first.close()
        second.close()


def once_first_commits(first: Store, second: Store, call: Callable[[], Any]) -> Any:
    """What ``call`` on ``second`` returns, once it has waited for a lock ``first`` holds
    in its open transaction and ``first`` has committed."""
    outcome: list[Any] = []
    waiting = threading.Thread(target=lambda: outcome.append(call()))
    waiting.start()
    assert waits_on_a_lock(first, second), "the second connection never waited for the first"
    first.db.commit()
    waiting.join(timeout=30)
    assert not waiting.is_alive()
    (result,) = outcome
    return result


def waits_on_a_lock(watcher: Store, waiter: Store, seconds: float = 10) -> bool:
    """True once the waiter's connection is blocked on a lock held by another."""
    pid = waiter.db.connection.info.backend_pid  # type: ignore[attr-defined]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        row = watcher.db.execute(
            "SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?", (pid,)
        ).fetchone()
        if row and row[0] == "Lock":
            return True
        time.sleep(0.02)
    return False


def test_two_ingests_and_serve_on_one_server(pg_url: str, tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    outcome = concurrent_ingest.run(
        tmp_path, documents=60, timeout=120, db=pg_url, serve_port=port, jobs=1
    )
    assert outcome.problems == []
    assert outcome.figures == "60 documents (60 distinct), 120 statements, 60 inputs"
    assert outcome.queries > 0  # the server answered while the ingests wrote


def test_a_killed_ingest_into_the_server_is_completed_by_running_it_again(
    pg_url: str, tmp_path: Path
) -> None:
    outcome = kill_ingest.run(tmp_path, documents=60, kill_after=15, timeout=90, db=pg_url, jobs=1)
    assert outcome.problems == []
    assert 0 < outcome.stored_at_kill < 60, "the kill came before or after the ingest"
    assert outcome.figures == "60 documents (60 distinct), 120 statements, 60 inputs"
    assert "already stored" in outcome.rerun_output


def test_check_reads_a_server_database(pg_url: str) -> None:
    store = Store.open(pg_url)
    try:
        doc = document()
        store.add(doc, two_statements(doc), "raw1")
    finally:
        store.close()
    result = CliRunner().invoke(cli, ["check", "--db", pg_url])
    assert result.exit_code == 0, result.output
    assert "No problems found" in result.output and "1 document, 2 statements" in result.output


def test_an_unreachable_server_is_one_line_without_the_password() -> None:
    url = "postgresql://analyst:s3cret@127.0.0.1:1/talks"
    result = CliRunner().invoke(cli, ["statements", "--db", url])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: postgresql://analyst:***@127.0.0.1:1/talks: cannot connect")
    assert "Connection refused; is the server running" in lines[0] and "\t" not in lines[0]
    assert "s3cret" not in result.output


def test_public_location_hides_only_the_password() -> None:
    assert public_location("postgresql://u:p@db.example:5432/x") == (
        "postgresql://u:***@db.example:5432/x"
    )
    assert public_location("postgresql://u@db/x") == "postgresql://u@db/x"
    assert public_location("talkwatch.db") == "talkwatch.db"


def test_a_server_database_is_not_backed_up_to_a_file(pg_url: str) -> None:
    store = Store.open(pg_url)
    try:
        with pytest.raises(StoreError, match="back up a database server with its own tools"):
            store.backup("copy.db")
    finally:
        store.close()


def test_without_the_postgres_extra_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if it were not installed
    result = CliRunner().invoke(cli, ["positions", "--db", "postgresql://db.example/talks"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: postgresql://db.example/talks: talkwatch needs the 'postgres' extra for a "
        "database server: pip install -e '.[postgres]' in the talkwatch folder."
    )


def test_reading_commands_do_not_set_up_an_empty_database(pg_url: str) -> None:
    import psycopg

    for command in (["positions"], ["export"], ["actors", "show", "Peskov"]):
        result = CliRunner().invoke(cli, [*command, "--db", pg_url])
        assert result.exit_code == 1, (command, result.output)
        assert "holds no talkwatch data; run 'talkwatch ingest' first." in result.output
    with psycopg.connect(pg_url) as raw:  # not through Store.open, which would create it
        assert raw.execute("SELECT to_regclass('schema_version') IS NULL").fetchone() == (True,)


def test_a_stray_nul_is_stored_as_a_replacement_character(pg_url: str, tmp_path: Path) -> None:
    article = tmp_path / "nul.txt"
    body = "Kremlin spokesman Dmitry Peskov said Moscow was ready to discuss a ceasefire.\n\n"
    article.write_bytes((body * 80).encode() + b"Filler \x00 byte.\n")  # past the binary check
    result = CliRunner().invoke(cli, ["ingest", str(article), "--db", pg_url, "-q"])
    assert result.exit_code == 0, result.output
    store = Store.open(pg_url)
    try:
        (text,) = store.db.execute("SELECT original FROM documents").fetchone()
    finally:
        store.close()
    assert "\x00" not in text and "Filler \ufffd byte." in text


def test_the_dashboard_reconnects_after_the_server_drops_it(pg_url: str) -> None:
    from fastapi.testclient import TestClient

    from talkwatch.web.app import create_app
    from web_helpers import build

    build(pg_url)
    with TestClient(create_app(pg_url)) as client:  # one event loop: its threads keep theirs
        before = client.get("/api/positions").json()
        admin = Store.open(pg_url)
        try:
            dropped = admin.db.execute(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()) AS gone"
            ).fetchone()[0]
        finally:
            admin.close()
        assert dropped >= 1
        answer = client.get("/api/positions")
    assert answer.status_code == 200
    assert answer.json() == before


def test_two_processes_storing_texts_of_one_input_take_turns(pg_url: str) -> None:
    """A file or page revised twice at once (a watch and an ingest): the second store
    waits for the first, then replaces what the first stored, instead of both reusing
    the earlier text's statement ids."""
    first, second = Store.open(pg_url), Store.open(pg_url)
    try:
        earlier = document()
        first.add(earlier, two_statements(earlier), "raw1")
        revised = document(earlier.text + " Peskov added that talks would go on.")
        first.db.begin()
        first.db.lock(f"input {earlier.origin}")  # as a store of another version holds it
        kept = once_first_commits(
            first, second, lambda: second.keep(revised, two_statements(revised), "raw2")
        )
        assert kept.new and kept.replaced == (earlier.id,)  # type: ignore[attr-defined]
        assert [d.id for d in second.documents()] == [revised.id]
    finally:
        first.close()
        second.close()
