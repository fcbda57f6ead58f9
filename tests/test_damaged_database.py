"""A database file damaged in its middle: one sentence naming the damage and what to do.

The damage is real: bytes in the middle of an SQLite file that talkwatch wrote
are overwritten (the pages that hold the statements and documents tables).
"""

from __future__ import annotations

import html
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from talkwatch.cli import cli
from talkwatch.web.app import create_app
from web_helpers import build


def damaged(path: Path) -> Path:
    """A real database whose statements and documents pages are overwritten with junk."""
    build(str(path))
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        roots = [
            root
            for (root,) in db.execute(
                "SELECT rootpage FROM sqlite_master WHERE name IN ('statements', 'documents')"
            )
        ]
    db.close()
    size = path.stat().st_size
    with path.open("r+b") as out:
        for root in roots:
            assert page_size < (root - 1) * page_size < size - page_size  # inside the file
            out.seek((root - 1) * page_size)
            out.write(b"\xde\xad\xbe\xef" * (page_size // 8))  # the page header and half on
    return path


def advice(path: Path) -> str:
    return (
        f"{path}: the database file is damaged (database disk image is malformed); "
        "restore it from a backup, or recover what is left with "
        f"'sqlite3 {path} .recover | sqlite3 recovered.db' (where that sqlite3 fails, "
        "'.dump' in place of '.recover')."
    )


@pytest.mark.parametrize(
    "command",
    [["check"], ["statements"], ["statements", "--speaker", "Lavrov"], ["positions"],
     ["actors"], ["timeline"], ["export", "--format", "csv"]],
)  # fmt: skip
def test_readers_say_the_file_is_damaged_and_what_to_do(command: list[str], tmp_path: Path) -> None:
    db = damaged(tmp_path / "t.db")
    result = CliRunner().invoke(cli, [*command, "--db", str(db)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.output.strip() in (f"Error: {advice(db)}", advice(db))


def test_serve_answers_503_with_the_sentence(tmp_path: Path) -> None:
    db = damaged(tmp_path / "t.db")
    client = TestClient(create_app(str(db)), raise_server_exceptions=False)
    for url in ("/api/statements", "/api/documents", "/statements"):
        answer = client.get(url)
        assert answer.status_code == 503, url
        assert advice(db) in html.unescape(answer.text)


@pytest.mark.parametrize(
    "command", [["positions"], ["check"], ["ingest", "-"], ["statements", "--speaker", "Lavrov"]]
)
def test_a_file_that_is_no_database_is_named_so_and_left_as_it_was(
    command: list[str], tmp_path: Path
) -> None:
    article = tmp_path / "peskov.txt"
    article.write_text("Kremlin rules out talks\n\nPeskov said there would be no talks.\n")
    before = article.read_bytes()
    result = CliRunner().invoke(cli, [*command, "--db", str(article)], input="Text.\n")
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {article}: not a talkwatch database: the file holds something else (it "
        "begins 'Kremlin rule'); it was left as it was. Give --db a database file, or a new "
        "file name to start one."
    )
    assert article.read_bytes() == before


def test_a_binary_file_that_is_no_database_is_not_printed(tmp_path: Path) -> None:
    blob = tmp_path / "photo.jpg"
    blob.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01")
    result = CliRunner().invoke(cli, ["positions", "--db", str(blob)])
    assert result.exit_code == 1
    assert "(binary data)" in result.output and "\\x" not in result.output
