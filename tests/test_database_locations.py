"""Where --db points: a sentence for a location that cannot hold a database, and a
database on a disk this user cannot write is still read."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from talkwatch import database
from talkwatch.cli import cli

ARTICLE = (
    "KYIV, March 14, 2025 - Ukrainian Foreign Minister Andrii Sybiha said Kyiv was ready "
    "to send a delegation to the talks in Istanbul.\n"
)


def run(*args: str, text: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=text)
    return result.exit_code, result.output


@pytest.mark.parametrize("command", [["statements"], ["ingest", "-"]])
def test_an_empty_db_option_is_named(command: list[str]) -> None:
    code, output = run(*command, "--db", "", text=ARTICLE)
    assert code == 1
    assert output.strip() == "Error: --db is empty: give a database file or a postgresql:// URL."


def test_an_address_of_another_kind_of_database_is_refused() -> None:
    code, output = run("ingest", "-", "--db", "mysql://127.0.0.1/test", text=ARTICLE)
    assert code == 1
    assert "mysql://127.0.0.1/test: not a database talkwatch can use" in output
    assert "Traceback" not in output


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "t.db"
    code, output = run("ingest", "-", "--db", str(target), text=ARTICLE)
    assert code == 1
    assert f"the folder {tmp_path / 'no' / 'such'} does not exist" in output
    assert not (tmp_path / "no").exists()


def unwritable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``folder`` as on a read-only disk (a root user passes any permission check)."""
    real = os.access

    def access(path: os.PathLike[str] | str, mode: int) -> bool:
        if Path(path).resolve() == folder.resolve() and mode & os.W_OK:
            return False
        return real(path, mode)

    monkeypatch.setattr(database.os, "access", access)


def test_a_read_only_folder_is_named_when_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    unwritable(folder, monkeypatch)
    connect = database.sqlite3.connect

    def refused(location: str, *args: Any, **kwargs: Any) -> Any:
        if Path(location).parent == folder:  # as SQLite on a read-only disk
            raise database.sqlite3.OperationalError("unable to open database file")
        return connect(location, *args, **kwargs)

    monkeypatch.setattr(database.sqlite3, "connect", refused)
    code, output = run("ingest", "-", "--db", str(folder / "t.db"), text=ARTICLE)
    assert code == 1
    assert f"the folder {folder.resolve()} is read-only" in output


def test_a_database_in_a_read_only_folder_is_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.db"
    assert run("ingest", "-", "--db", str(db), text=ARTICLE)[0] == 0
    before = sorted(p.name for p in tmp_path.iterdir())
    unwritable(tmp_path, monkeypatch)
    code, output = run("statements", "--db", str(db))
    assert code == 0, output
    assert "Andrii Sybiha" in output
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written beside it


def test_changing_a_database_in_a_read_only_folder_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.db"
    assert run("ingest", "-", "--db", str(db), "--date", "2025-03-14", text=ARTICLE)[0] == 0
    unwritable(tmp_path, monkeypatch)
    code, output = run("documents", "--db", str(db), "set-date", "<stdin", "2025-03-15")
    assert code == 1, output
    assert output.strip().endswith(
        "cannot be changed: the file or its folder is read-only; commands that only read "
        "still work."
    )
    assert "Traceback" not in output


def test_a_search_path_naming_no_schema_is_a_sentence_and_a_created_one_is_used(
    pg_url: str,
) -> None:
    missing = pg_url + "?options=-csearch_path%3Dtalks_2025"
    code, output = run("ingest", "-", "--db", missing, text=ARTICLE)
    assert code == 1 and "Traceback" not in output
    assert "no schema in the search path (talks_2025) exists or can be used" in output
    psycopg = pytest.importorskip("psycopg")
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("CREATE SCHEMA talks_2025")
    code, output = run("ingest", "-", "--db", missing, text=ARTICLE)
    assert code == 0, output
    with psycopg.connect(pg_url) as reader:
        found = reader.execute("SELECT count(*) FROM talks_2025.statements").fetchone()
    assert found == (1,)
