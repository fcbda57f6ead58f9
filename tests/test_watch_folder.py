"""`watch --folder DIR`: what is new or changed in a folder is ingested each cycle, what
is stored is skipped, a bad file is one line and the rest goes on; a folder alone needs
no feed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from talkwatch.cli import cli

FIRST = (
    "Kremlin rules out talks\n\nMOSCOW, March 3, 2025 - Kremlin spokesman Dmitry Peskov said "
    "Russia would not take part in the talks in Istanbul next week.\n"
)
SECOND = (
    "Kyiv ready for talks\n\nKYIV, March 4, 2025 - Ukrainian President Volodymyr Zelensky "
    "said Ukraine was ready to send a delegation to Istanbul.\n"
)


def watch(db: Path, *folders: Path) -> Result:
    args = [a for folder in folders for a in ("--folder", str(folder))]
    return CliRunner().invoke(cli, ["watch", "--once", *args, "--db", str(db)])


def test_a_watched_folder_is_read_each_cycle_without_a_feed(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "w.db"
    inbox.mkdir()
    (inbox / "peskov.txt").write_text(FIRST, encoding="utf-8")
    first = watch(db, inbox)
    assert first.exit_code == 0, first.output
    assert f"{inbox}: Read 1 input: 1 new document with 1 statement" in first.stdout
    assert "Polled" not in first.stdout  # no feeds: only the folder is read
    (inbox / "zelensky.txt").write_text(SECOND, encoding="utf-8")
    second = watch(db, inbox)
    assert "Read 2 inputs: 1 new document with 1 statement, 1 already stored" in second.stdout
    # the store holds both, and the stance the new one brings
    listed = CliRunner().invoke(cli, ["statements", "--db", str(db)]).stdout
    assert "Dmitry Peskov" in listed and "Volodymyr Zelensky" in listed


def test_a_bad_file_in_the_folder_is_one_line_and_fails_the_once(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "w.db"
    inbox.mkdir()
    (inbox / "peskov.txt").write_text(FIRST, encoding="utf-8")
    (inbox / "empty.txt").write_text("", encoding="utf-8")
    result = watch(db, inbox)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "empty.txt" in errors[0]
    assert "1 new document with 1 statement" in result.stdout


def test_a_missing_folder_is_refused_before_anything_is_made(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    result = watch(db, tmp_path / "inbx")
    assert result.exit_code == 2
    assert "--folder" in result.output and "no such folder" in result.output
    assert not db.exists()


def test_an_empty_folder_is_no_warning_each_cycle(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "w.db"
    inbox.mkdir()
    result = watch(db, inbox)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert f"{inbox}: Read 0 inputs" in result.stdout


def test_a_document_removed_stays_removed_for_the_folder_until_ingested_by_name(
    tmp_path: Path,
) -> None:
    # a new user removed a document; the next cycle read its file again and stored it
    inbox, db = tmp_path / "inbox", tmp_path / "w.db"
    inbox.mkdir()
    (inbox / "peskov.txt").write_text(FIRST, encoding="utf-8")
    watch(db, inbox)
    listed = CliRunner().invoke(cli, ["documents", "--db", str(db)]).stdout
    doc_id = listed.split()[0]
    removed = CliRunner().invoke(cli, ["documents", "remove", doc_id, "--db", str(db)])
    assert "a watched folder does not read its file again" in removed.stdout
    again = watch(db, inbox)
    assert "0 new documents" in again.stdout and "1 removed before" in again.stdout
    assert "Dmitry Peskov" not in CliRunner().invoke(cli, ["statements", "--db", str(db)]).stdout
    # stored again by name: the folder sees it stored, as any other
    stored = CliRunner().invoke(cli, ["ingest", str(inbox / "peskov.txt"), "--db", str(db)])
    assert "1 new document" in stored.stdout
    assert "1 already stored" in watch(db, inbox).stdout
    # a changed file is a new input, read as ever
    (inbox / "peskov.txt").write_text(FIRST + "\nPeskov added that the talks were over.\n")
    assert "1 updated" in watch(db, inbox).stdout


def test_a_bad_file_left_in_the_folder_is_said_once_a_watch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from talkwatch.cli.watch import read_folders
    from talkwatch.store import Store

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_text("", encoding="utf-8")
    told: set[str] = set()

    class NoAnalyzer:  # nothing here is read far enough to need the model
        def analyzer(self) -> None:
            raise AssertionError("no document to analyse")

    store = Store.open(str(tmp_path / "w.db"))
    try:
        for _ in range(2):
            assert read_folders(store, (str(inbox),), NoAnalyzer(), 1, (), told) == 1  # type: ignore[arg-type]
    finally:
        store.close()
    assert capsys.readouterr().err.count("empty.txt") == 1  # failed twice, said once


def test_a_file_gone_from_the_folder_is_said_and_its_text_stays_stored(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "w.db"
    inbox.mkdir()
    (inbox / "peskov.txt").write_text(FIRST, encoding="utf-8")
    (inbox / "zelensky.txt").write_text(SECOND, encoding="utf-8")
    assert watch(db, inbox).exit_code == 0
    (inbox / "peskov.txt").unlink()
    result = watch(db, inbox)
    assert result.exit_code == 0  # nothing failed: a file moved away is no error
    gone = inbox.resolve() / "peskov.txt"
    (line,) = result.stderr.splitlines()
    said = re.fullmatch(
        re.escape(f"warning: {gone}: gone from the folder; the text read from it stays stored")
        + r" and counts \('talkwatch documents remove ([0-9a-f]{12})' takes it out\)\.",
        line,
    )
    assert said, line
    listed = CliRunner().invoke(cli, ["statements", "--db", str(db)]).stdout
    assert "Dmitry Peskov" in listed  # nothing stored is lost
    doc_id = said[1]
    removed = CliRunner().invoke(cli, ["documents", "remove", doc_id, "--db", str(db)])
    assert removed.exit_code == 0, removed.output
    assert watch(db, inbox).stderr == ""  # taken out: nothing more to say


@pytest.mark.parametrize(
    ("name", "other_name"),
    [("News", "news"), ("50% off_inbox", "50x offxinbox"), ("in box", "in box two")],
)
def test_a_file_gone_from_another_folder_is_not_this_ones(
    tmp_path: Path, name: str, other_name: str
) -> None:
    from talkwatch.documents import gone_from
    from talkwatch.store import Store

    watched, other, db = tmp_path / name, tmp_path / other_name, tmp_path / "w.db"
    watched.mkdir()
    other.mkdir()
    (watched / "peskov.txt").write_text(FIRST, encoding="utf-8")
    (other / "zelensky.txt").write_text(SECOND, encoding="utf-8")
    assert watch(db, watched, other).exit_code == 0
    (other / "zelensky.txt").unlink()
    store = Store.open(str(db))
    try:
        assert gone_from(store.db, watched) == []  # only the other folder lost a file
        assert [origin for _, origin in gone_from(store.db, other)] == [
            str((other / "zelensky.txt").resolve())
        ]
    finally:
        store.close()


def test_a_webhook_that_fails_makes_the_once_fail(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "w.db"
    inbox.mkdir()
    (inbox / "peskov.txt").write_text(FIRST, encoding="utf-8")
    (inbox / "zelensky.txt").write_text(SECOND, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["watch", "--once", "--folder", str(inbox), "--db", str(db),
         "--webhook", "http://127.0.0.1:9/hook", "--timeout", "1"],
    )  # fmt: skip
    assert "the webhook cannot be reached" in result.stderr
    assert result.exit_code == 1
