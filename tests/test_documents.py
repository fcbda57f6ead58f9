"""`talkwatch documents`, set-date and ingest --date on stored documents; undated apart."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from talkwatch.cli import cli

UNDATED = (
    "Kremlin spokesman Dmitry Peskov said on Tuesday that Russia rejects the proposed "
    'ceasefire. "We reject any ceasefire that lets Kyiv rearm," Peskov told reporters.\n'
)
DATED = (
    "MOSCOW, March 20, 2025 — Kremlin spokesman Dmitry Peskov said Russia accepts a "
    'thirty-day ceasefire on energy infrastructure. "We accept the ceasefire on energy '
    'targets," Peskov said.\n'
)


def run(*args: str) -> str:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def articles(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "peskov-rejects.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "energy-truce.txt").write_text(DATED, encoding="utf-8")
    return tmp_path / "peskov-rejects.txt", tmp_path / "energy-truce.txt"


def test_undated_statements_are_counted_apart_and_set_date_recomputes(
    database: str, tmp_path: Path
) -> None:
    undated, dated = articles(tmp_path)
    out = run("ingest", "--db", database, str(undated), str(dated))
    # ingest says at once that one is undated, and how to date it
    assert "1 new document without a date: positions and shifts leave" in out
    assert "talkwatch documents set-date ID... YYYY-MM-DD" in out

    listed = json.loads(run("documents", "--db", database, "--format", "json"))
    assert [(d["name"], d["date"], d["date_source"]) for d in listed] == [
        ("energy-truce.txt", "2025-03-20", "dateline"),
        ("peskov-rejects.txt", None, ""),
    ]
    positions = run("positions", "--db", database)
    assert "accept" in positions and "None" not in positions
    assert "in 1 undated document are not counted" in positions
    shifts = run("shifts", "--db", database)
    assert "No shifts" in shifts and "None" not in shifts and "not counted" in shifts
    assert "in 1 undated document are not counted" in run("issues", "--db", database)
    assert "undated" in run("documents", "--db", database)
    # a view filtered to another side or issue has no undated statement left out
    assert "not counted" not in run("positions", "--db", database, "--party", "UKR")
    assert "not counted" not in run("shifts", "--db", database, "--issue", "territory")
    assert "not counted" in run("positions", "--db", database, "--party", "RUS")

    # the undated one said it later: Russia went from accepting to rejecting
    out = run("documents", "--db", database, "set-date", "peskov-rejects.txt", "2025-03-25")
    assert "dated 2025-03-25 (was undated)" in out
    shifts = run("shifts", "--db", database, "--format", "json")
    (shift,) = [s for s in json.loads(shifts) if s["issue"] == "ceasefire"]
    assert (shift["before"]["stance"], shift["after"]["stance"]) == ("accept", "reject")
    # "on Tuesday" is read against the new date: Tuesday 25 March 2025
    assert shift["after"]["date"] == "2025-03-25"
    assert "not counted" not in run("positions", "--db", database)
    listed = json.loads(run("documents", "--db", database, "--undated", "--format", "json"))
    assert listed == []


def test_with_only_undated_documents_each_view_says_so_in_a_sentence(
    database: str, tmp_path: Path
) -> None:
    undated, _ = articles(tmp_path)
    run("ingest", "--db", database, str(undated))
    for command, sentence in [
        ("positions", "No positions yet"),
        ("shifts", "No shifts"),
        ("issues", "No issues yet"),
    ]:
        out = run(command, "--db", database)
        assert out.startswith(sentence) and "┏" not in out, command
        assert "in 1 undated document" in out and "not counted" in out


def test_ingest_date_on_a_stored_document_redates_it(database: str, tmp_path: Path) -> None:
    undated, dated = articles(tmp_path)
    run("ingest", "--db", database, str(undated), str(dated))
    out = run("ingest", "--db", database, "--date", "2025-03-12", str(undated))
    assert "1 already stored (1 given the new date)" in out
    (shift,) = [
        s
        for s in json.loads(run("shifts", "--db", database, "--format", "json"))
        if s["issue"] == "ceasefire"
    ]
    # the last rejection (the quote, told on the day) of 12 March; then the acceptance
    assert (shift["before"]["date"], shift["before"]["stance"]) == ("2025-03-12", "reject")
    dates = {s["date"] for s in json.loads(run("timeline", "--db", database, "--format", "json"))}
    assert {"2025-03-11", "2025-03-12"} <= dates  # "said on Tuesday": the day before
    assert (shift["after"]["date"], shift["after"]["stance"]) == ("2025-03-20", "accept")
    listed = json.loads(run("documents", "--db", database, "--format", "json"))
    assert ("peskov-rejects.txt", "2025-03-12", "given") in [
        (d["name"], d["date"], d["date_source"]) for d in listed
    ]
    again = run("ingest", "--db", database, "--date", "2025-03-12", str(undated))
    assert "given the new date" not in again


def test_set_date_names_a_missing_or_ambiguous_document(tmp_path: Path) -> None:
    undated, dated = articles(tmp_path)
    db = str(tmp_path / "t.db")
    run("ingest", "--db", db, str(undated), str(dated))
    result = CliRunner().invoke(cli, ["documents", "--db", db, "set-date", "nope", "2025-01-01"])
    assert result.exit_code == 1
    assert "nope: no stored document has this id, name or URL" in result.output
    result = CliRunner().invoke(cli, ["documents", "--db", db, "set-date", "", "2025-01-01"])
    assert result.exit_code == 1 and "no document given" in result.output
    result = CliRunner().invoke(
        cli, ["documents", "--db", db, "set-date", "energy-truce.txt", "2025-13-01"]
    )
    assert result.exit_code == 2 and "not a date" in result.output
    # a day no report was published on
    result = CliRunner().invoke(
        cli, ["documents", "--db", db, "set-date", "energy-truce.txt", "0001-01-01"]
    )
    assert result.exit_code == 2
    assert "'0001-01-01' is no date a report was published on" in result.output
    result = CliRunner().invoke(cli, ["ingest", "-", "--db", db, "--date", "9999-12-31"], input=".")
    assert result.exit_code == 2
    assert "'9999-12-31' is no date a report was published on" in result.output
    # one of the two left out: which one is said
    result = CliRunner().invoke(cli, ["documents", "--db", db, "set-date", "energy-truce.txt"])
    assert result.exit_code == 2
    assert "energy-truce.txt: give the date, after the document" in result.output
    result = CliRunner().invoke(cli, ["documents", "--db", db, "set-date", "3fa2c1"])  # an id
    assert result.exit_code == 2 and "3fa2c1: give the date, after the document" in result.output
    result = CliRunner().invoke(cli, ["documents", "--db", db, "set-date", "2025-03-14"])
    assert result.exit_code == 2
    assert "2025-03-14: give which documents to date" in result.output


def test_the_overview_says_what_is_undated_and_follows_a_new_date(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from talkwatch.web.app import create_app

    undated, dated = articles(tmp_path)
    db = str(tmp_path / "t.db")
    run("ingest", "--db", db, str(undated), str(dated))
    client = TestClient(create_app(db))
    page = client.get("/").text
    assert "position-taking statements in 1 undated document are not counted" in page
    assert "walk-back" not in page
    run("documents", "--db", db, "set-date", "peskov-rejects.txt", "2025-03-25")
    page = client.get("/").text  # the same server: what it cached follows the new date
    assert "not counted" not in page and "walk-back" in page


def test_the_table_leaves_out_columns_no_document_fills(database: str, tmp_path: Path) -> None:
    undated, dated = articles(tmp_path)
    run("ingest", "--db", database, str(undated), str(dated))
    table = CliRunner(env={"COLUMNS": "120"}).invoke(cli, ["documents", "--db", database])
    header = table.output.split("\n")[:4]
    assert "name or URL" in table.output
    assert not any("site" in line or "feed" in line for line in header)  # local files
    assert "2025-03-20" in table.output  # a date is never broken over two lines


def test_a_narrow_terminal_lists_documents_as_blocks_with_whole_names(tmp_path: Path) -> None:
    undated, dated = articles(tmp_path)
    database = str(tmp_path / "t.db")
    run("ingest", "--db", database, str(undated), str(dated))
    narrow = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["documents", "--db", database])
    lines = [line.rstrip() for line in narrow.output.splitlines()]
    assert "┃" not in narrow.output and all(len(line) <= 80 for line in lines)
    assert "  energy-truce.txt" in lines and "  peskov-rejects.txt" in lines
    assert any(re.match(r"[0-9a-f]{12}  2025-03-20 \(dateline\)  \d+ statements?$", line) for line in lines)
    assert any(re.match(r"[0-9a-f]{12}  undated  \d+ statements?$", line) for line in lines)


def test_set_date_takes_the_start_of_a_name_as_doc_does(tmp_path: Path) -> None:
    undated, dated = articles(tmp_path)
    (tmp_path / "peskov-rejects-2.txt").write_text(UNDATED + "\nMore.\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    run("ingest", "--db", db, str(undated), str(dated), str(tmp_path / "peskov-rejects-2.txt"))
    run("documents", "--db", db, "set-date", "energy", "2025-03-21")
    listed = json.loads(run("documents", "--db", db, "--format", "json"))
    assert {d["name"]: d["date"] for d in listed}["energy-truce.txt"] == "2025-03-21"
    result = CliRunner().invoke(cli, ["documents", "--db", db, "set-date", "peskov", "2025-01-01"])
    assert result.exit_code == 1 and "peskov: names more than one document" in result.output
    run("documents", "--db", db, "set-date", "peskov-rejects.txt", "2025-03-22")  # whole name
    listed = json.loads(run("documents", "--db", db, "--format", "json"))
    dates = {d["name"]: d["date"] for d in listed}
    assert (dates["peskov-rejects.txt"], dates["peskov-rejects-2.txt"]) == ("2025-03-22", None)


def test_set_date_dates_several_documents_and_names_the_one_it_cannot_find(
    tmp_path: Path,
) -> None:
    undated, dated = articles(tmp_path)
    db = str(tmp_path / "t.db")
    run("ingest", "--db", db, str(undated), str(dated))
    result = CliRunner().invoke(
        cli,
        ["documents", "--db", db, "set-date", "peskov-rejects.txt", "nope", "energy", "2025-03-24"],
    )
    assert result.exit_code == 1
    assert "nope: no stored document has this id, name or URL" in result.output
    assert "peskov-rejects.txt: dated 2025-03-24 (was undated)" in result.output
    listed = json.loads(run("documents", "--db", db, "--format", "json"))
    assert {d["name"]: d["date"] for d in listed} == {
        "peskov-rejects.txt": "2025-03-24",
        "energy-truce.txt": "2025-03-24",
    }


def test_re_dating_reads_a_day_only_outside_what_was_said(tmp_path: Path) -> None:
    story = tmp_path / "rubio.txt"
    story.write_text(
        "Rubio heads to Istanbul\n\n"
        "Rubio said he would meet Andrii Sybiha in Istanbul on Friday. "
        "Peskov said on Monday that the talks had been useful.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "t.db")
    run("ingest", "--db", db, str(story))
    run("documents", "set-date", "rubio.txt", "2025-05-15", "--db", db)  # a Thursday
    dates = {
        s["speaker"]: s["date"] for s in json.loads(run("timeline", "--db", db, "--format", "json"))
    }
    assert dates == {"Marco Rubio": "2025-05-15", "Dmitry Peskov": "2025-05-12"}


def test_a_day_in_another_statements_words_dates_neither_on_ingest_nor_on_set_date(
    tmp_path: Path,
) -> None:
    # a new user's article: "on Monday" is when Moscow's delegation goes, not when
    # Zelensky spoke, in the ingest and again when the date is set
    db = str(tmp_path / "t.db")
    text = (
        "Talks news\n\nEven as Moscow stated it would send a delegation for peace talks in "
        "Istanbul on Monday, Zelensky has questioned whether Russia is serious about peace.\n"
    )
    (tmp_path / "istanbul.txt").write_text(text, encoding="utf-8")
    run("ingest", "--db", db, str(tmp_path / "istanbul.txt"), "--date", "2025-06-01")

    def dates() -> dict[str, str]:
        rows = [json.loads(line) for line in run("export", "--db", db).splitlines()]
        return {row["speaker"]: row["date"] for row in rows}

    assert dates()["Volodymyr Zelensky"] == "2025-06-01"
    run("documents", "--db", db, "set-date", "istanbul.txt", "2025-06-08")
    assert dates()["Volodymyr Zelensky"] == "2025-06-08"
