"""`talkwatch documents reanalyse`: stored documents read again with today's rules."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from talkwatch.alerts import new_shifts, start
from talkwatch.analysis import positions
from talkwatch.cli import cli
from talkwatch.standing import standings
from talkwatch.store import Store

MARCH = (
    "KYIV, March 14, 2025 - Kremlin spokesman Dmitry Peskov said Moscow rejected any "
    "ceasefire in the Black Sea.\n\nUkrainian Foreign Minister Andrii Sybiha said Kyiv was "
    "ready to send a delegation to the talks in Istanbul.\n"
)
MAY = (
    "MOSCOW, May 3, 2025 - Kremlin spokesman Dmitry Peskov said Moscow was ready to "
    "discuss a ceasefire in the Black Sea.\n"
)


def run(*args: str) -> Result:
    return CliRunner(env={"COLUMNS": "200"}).invoke(cli, list(args))


def export(db: str) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in run("export", "--db", db).stdout.splitlines()]
    return [{k: v for k, v in row.items() if k != "id"} for row in rows]


def ingested(tmp_path: Path, database: str) -> list[dict[str, object]]:
    (tmp_path / "march.txt").write_text(MARCH, encoding="utf-8")
    (tmp_path / "may.txt").write_text(MAY, encoding="utf-8")
    assert run("ingest", str(tmp_path), "--db", database, "-q").exit_code == 0
    return export(database)


def test_an_old_reading_is_replaced_by_todays(tmp_path: Path, database: str) -> None:
    fresh = ingested(tmp_path, database)
    store = Store.open(database)
    try:  # as an older talkwatch might have read them: one statement lost, stances flat
        store.db.execute(
            "DELETE FROM statements WHERE id = (SELECT max(id) FROM statements "
            "WHERE quote LIKE '%delegation%')"
        )
        store.db.execute("UPDATE statements SET stance = 'assess'")
    finally:
        store.close()
    assert export(database) != fresh
    result = run("documents", "reanalyse", "--db", database)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        "Analysed 2 documents again: 3 statements (were 2); 2 documents changed; positions "
        "and shifts recomputed."
    )
    assert export(database) == fresh
    store = Store.open(database)
    try:
        stored = {(s.party, s.issue): s.stance for s in standings(store.db)}
        expected = {(p.party, p.issue): p.current.stance for p in positions(store.statements())}
        assert stored == expected and stored[("RUS", "ceasefire")] == "offer"
    finally:
        store.close()


def test_one_document_named_and_a_name_that_is_none(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    ingested(tmp_path, db)
    before = run("export", "--db", db).stdout
    again = run("documents", "reanalyse", "may.txt", "may.txt", "--db", db)
    assert again.exit_code == 0
    assert again.stdout.startswith("Analysed 1 document again: 1 statement (were 1); 0 documents")
    assert run("export", "--db", db).stdout == before  # unchanged, ids and all
    missing = run("documents", "reanalyse", "june.txt", "--db", db)
    assert missing.exit_code == 1
    assert "june.txt: no stored document has this id, name or URL" in missing.output


def test_a_date_set_by_hand_is_kept(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    (tmp_path / "wire.txt").write_text(MAY.replace("MOSCOW, May 3, 2025 - ", ""))
    assert run("ingest", str(tmp_path / "wire.txt"), "--db", db, "-q").exit_code == 0
    assert run("documents", "set-date", "wire.txt", "2025-05-04", "--db", db).exit_code == 0
    assert run("documents", "reanalyse", "--db", db).exit_code == 0
    assert [row["date"] for row in export(db)] == ["2025-05-04"]


def test_shifts_the_new_reading_finds_are_not_announced_as_news(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    ingested(tmp_path, db)
    store = Store.open(db)
    try:  # the watcher started on the old reading: every shift then stored is announced
        start(store.db)
        assert new_shifts(store.db) == []
    finally:
        store.close()
    assert run("documents", "reanalyse", "--db", db).exit_code == 0
    store = Store.open(db)
    try:
        shown = run("shifts", "--db", db).stdout
        assert "shift RUS on ceasefire: reject (2025-03-14) -> offer (2025-05-03)" in shown
        assert new_shifts(store.db) == []
    finally:
        store.close()
