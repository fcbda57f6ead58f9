"""`talkwatch check` and opening an old-schema database (migrated after a backup)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from talkwatch import store as store_module
from talkwatch.cli import cli
from talkwatch.integrity import problems
from talkwatch.standing import standings
from talkwatch.store import SCHEMA_VERSION, Store
from test_store import document, two_statements


def filled(path: Path) -> Path:
    opened = Store.open(str(path))
    doc = document()
    opened.add(doc, two_statements(doc), "raw1")
    opened.close()
    return path


def check(db: Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["check", "--db", str(db)])


def test_a_sound_database_passes(tmp_path: Path) -> None:
    result = check(filled(tmp_path / "t.db"))
    assert result.exit_code == 0
    assert result.stdout == f"No problems found in {tmp_path / 't.db'}: 1 document, 2 statements.\n"


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    result = check(tmp_path / "none.db")
    assert result.exit_code == 1 and "no such database" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_spans_outside_the_text_and_changed_quotes_are_reported(tmp_path: Path) -> None:
    db = filled(tmp_path / "t.db")
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE statements SET quote_spans = '[[0, 99999]]' WHERE id = 1")
        raw.execute("UPDATE statements SET quote = 'something else' WHERE id = 2")
        raw.execute('UPDATE sections SET "end" = 99999')
    result = check(db)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"3 problems in {db}:"
    assert "- Document peskov.txt: its body section 0-99999 is not inside its text" in lines[1]
    assert lines[2].startswith("- Statement 1 in document peskov.txt: quote span 0-99999 is not")
    assert lines[3] == (
        "- Statement 2 in document peskov.txt: the stored quote differs from the text at its spans."
    )


def test_a_bad_sentence_span_is_reported(tmp_path: Path) -> None:
    db = filled(tmp_path / "t.db")
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE statements SET sentence_start = 50, sentence_end = 10 WHERE id = 1")
    opened = Store.open(str(db))
    assert problems(opened) == [
        "Statement 1 in document peskov.txt: sentence span 50-10 is not inside the text "
        "(124 characters)."
    ]
    opened.close()


def test_broken_foreign_keys_and_schema_version_are_reported(tmp_path: Path) -> None:
    db = filled(tmp_path / "t.db")
    with sqlite3.connect(db) as raw:  # foreign keys are off in this connection
        raw.execute("DELETE FROM documents")
    result = check(db)
    assert result.exit_code == 1
    assert "Row 1 of table statements points to a missing row in documents." in result.stdout
    opened = Store.open(str(db))
    opened.db.execute("DELETE FROM schema_version")
    opened.db.execute("INSERT INTO schema_version VALUES (0)")
    assert problems(opened)[0] == (
        f"The schema is version 0; this talkwatch expects {SCHEMA_VERSION}."
    )
    opened.close()


def test_an_old_schema_is_backed_up_then_migrated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = filled(tmp_path / "t.db")  # the current schema, with data
    new = SCHEMA_VERSION + 1
    shipped = store_module.migrations()
    added = "ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT 'en';"
    monkeypatch.setattr(store_module, "migrations", lambda: [*shipped, (new, added)])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", new)
    monkeypatch.setattr("talkwatch.integrity.SCHEMA_VERSION", new)
    opened = Store.open(str(db))
    assert opened.schema_version() == new
    assert opened.db.execute("SELECT language FROM documents").fetchall() == [("en",)]
    assert problems(opened) == []
    opened.close()
    backup = tmp_path / f"t.db.schema{SCHEMA_VERSION}.bak"
    assert backup.exists()
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT max(version) FROM schema_version").fetchone() == (
            SCHEMA_VERSION,
        )
        assert old.execute("SELECT count(*) FROM statements").fetchone() == (2,)
    backup.unlink()
    assert check(db).exit_code == 0  # reopening does not migrate or back up again
    assert not backup.exists()


def test_a_migration_done_meanwhile_by_another_process_is_not_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = Store.open(str(tmp_path / "t.db"))  # migrated to the current version
    real = Store.schema_version
    looked: list[int] = []

    def stale_first(self: Store) -> int:  # the version another process saw before migrating
        if not looked:
            looked.append(0)
            return 0
        return real(self)

    monkeypatch.setattr(Store, "schema_version", stale_first)
    opened.migrate()  # must not create the tables a second time
    assert real(opened) == SCHEMA_VERSION
    versions = opened.db.execute("SELECT count(*) FROM schema_version").fetchone()[0]
    assert versions == len(store_module.migrations())
    opened.close()


def test_positions_pointing_at_missing_statements_are_reported(tmp_path: Path) -> None:
    db = filled(tmp_path / "t.db")
    opened = Store.open(str(db))
    assert {(p.party, p.issue) for p in standings(opened.db)} == {
        ("RUS", "ceasefire"),
        ("UKR", "territory"),
    }
    assert problems(opened) == []
    opened.db.execute("UPDATE positions SET statement_id = 999 WHERE party = 'RUS'")
    assert problems(opened) == [
        "The RUS position on ceasefire rests on statement 999, which is not stored."
    ]
    opened.close()
