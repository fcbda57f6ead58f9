"""How the command line prints: 'undated' (never None), one line per positions row, names' case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from talkwatch.cli import cli

UNDATED = (
    "A US official said Washington would not lift sanctions on Russia.\n\n"
    "Ukrainian lawmaker Oleksiy Goncharenko said Kyiv would never cede Crimea.\n\n"
    "European Union leaders said the sanctions would stay until Russia withdrew.\n\n"
    "Officials said the delegation would fly to Geneva.\n"
)
DATED = (
    "KYIV, March 29, 2022 - Kremlin spokesman Dmitry Peskov said Moscow rejected any "
    "ceasefire.\n\nUkrainian negotiator David Arakhamia said Kyiv would accept a neutral status "
    "if partners gave legally binding security guarantees.\n"
)
LATER = (
    "KYIV, May 3, 2023 - Kremlin spokesman Dmitry Peskov said Moscow was ready to discuss a "
    "ceasefire.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("output")
    (folder / "undated.txt").write_text(UNDATED)
    (folder / "dated.txt").write_text(DATED)
    (folder / "later.txt").write_text(LATER)
    path = str(folder / "t.db")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", path, "-q"])
    assert result.exit_code == 0, result.output
    return path


def run(db: str, *args: str) -> Result:
    result = CliRunner(env={"COLUMNS": "220"}).invoke(cli, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize(
    "command", [["statements"], ["actors"], ["timeline"], ["shifts"], ["positions"], ["issues"]]
)
def test_no_date_prints_as_none(db: str, command: list[str]) -> None:
    assert "None" not in run(db, *command).stdout


def test_undated_statements_say_undated(db: str) -> None:
    table = run(db, "statements").stdout
    rows = [line for line in table.splitlines() if "Goncharenko" in line or "US official" in line]
    assert len(rows) == 2 and all("undated" in row for row in rows)
    actors = run(db, "actors").stdout
    assert all("undated" in line for line in actors.splitlines() if "Goncharenko" in line)


def test_positions_rows_are_one_line_each(db: str) -> None:
    table = run(db, "positions").stdout.splitlines()
    top = table.index(next(line for line in table if line.startswith("┡")))
    bottom = table.index(next(line for line in table if line.startswith("└")))
    body = table[top + 1 : bottom]  # a note about undated statements may follow the table
    assert body and all(line.split("│")[1].strip() for line in body)  # every line names an issue
    assert any("2022-03-29" in line for line in body)  # the dates are still there


def test_speakers_keep_their_case_in_tables(db: str) -> None:
    table = run(db, "statements").stdout
    assert "Oleksiy Goncharenko" in table and "Dmitry Peskov" in table
    assert "a US official" in table  # an unnamed speaker as the text wrote it
    assert "a us official" not in table
    assert "European Union leaders" in table  # not "european Union leaders"
    assert "officials" in table and "Officials" not in table  # a sentence's capital only


def test_shifts_show_an_unnamed_speaker_as_the_text_wrote_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(
        "KYIV, March 29, 2022 - A Ukrainian official said Kyiv would never join talks "
        "with Moscow.\n"
    )
    (tmp_path / "b.txt").write_text(
        "KYIV, May 3, 2023 - A Ukrainian official said Kyiv was ready to join talks "
        "with Moscow.\n"
    )
    path = str(tmp_path / "s.db")
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", path, "-q"]).exit_code == 0
    shown = run(path, "shifts").stdout
    assert "a Ukrainian official:" in shown and "a ukrainian official" not in shown


def test_actors_show_gives_undated_for_undated_statements(db: str) -> None:
    shown = run(db, "actors", "show", "Goncharenko").stdout
    assert "undated" in shown and "None" not in shown


def test_a_long_quote_is_cut_at_a_word_with_an_ellipsis() -> None:
    from talkwatch.cli.options import shortened

    quote = "Russia must withdraw its forces from the occupied territories before any talks " * 4
    short = shortened(quote, 100)
    assert short.endswith(" …") and len(short) <= 102
    assert quote.startswith(short[:-2])
    assert shortened("A short quote.", 100) == "A short quote."


def test_positions_in_a_narrow_terminal_show_every_party_in_tables_that_fit(db: str) -> None:
    result = CliRunner(env={"COLUMNS": "40"}).invoke(cli, ["positions", "--db", db])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(line.endswith("┓") for line in lines if line.startswith("┏"))  # none cut
    headers = [line for line in lines if line.startswith("┃")]
    parties = {cell.strip() for line in headers for cell in line.split("┃")[2:-1]}
    assert {"RUS", "UKR"} <= parties  # every party's name readable in a header
    assert "tables to fit 40 columns" in result.stdout


def test_positions_too_narrow_for_one_party_say_the_cells_are_cut(db: str) -> None:
    result = CliRunner(env={"COLUMNS": "28"}).invoke(cli, ["positions", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Cells are cut at 28 columns" in result.stdout


def test_statements_in_a_narrow_terminal_are_blocks_that_keep_words_whole(db: str) -> None:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["statements", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Dmitry Peskov (RUS) · reject · ceasefire · 2022-03-29" in result.output
    assert "┃ date" not in result.output
    wide = run(db, "statements").output
    assert "┃ date" in wide and "2022-03-29" in wide


def test_the_timeline_in_a_narrow_terminal_is_blocks_as_statements_are(db: str) -> None:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["timeline", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Dmitry Peskov (RUS) · reject · ceasefire · 2022-03-29" in result.output
    assert "┃ date" not in result.output
    wide = run(db, "timeline").output
    assert "┃ date" in wide and "│ 2022-03-29 │" in wide  # a date never broken


def test_actors_show_keeps_dates_whole_and_oldest_first_in_80_columns(db: str) -> None:
    shown = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["actors", "show", "Peskov", "--db", db])
    assert shown.exit_code == 0, shown.output
    table = shown.stdout.split("Statements (")[1]
    dates = re.findall(r"│ (\d{4}-\d{2}-\d{2}) ", table)
    assert len(dates) >= 2 and dates == sorted(dates)
    assert not re.search(r"\d{4}-\d{2}-\s*│", shown.stdout)  # never "2025-02-" over "18"


def test_a_shift_wraps_its_quotes_under_themselves_and_keeps_brackets(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(
        "KYIV, March 29, 2022 - Kremlin spokesman Dmitry Peskov said Moscow rejected any "
        "ceasefire [in Donbas] while Ukrainian forces kept shelling the towns of the region.\n"
    )
    (tmp_path / "b.txt").write_text(LATER)
    path = str(tmp_path / "s.db")
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", path, "-q"]).exit_code == 0
    shown = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["shifts", "--db", path]).stdout
    lines = [line.rstrip() for line in shown.splitlines()]
    assert lines[0] == (
        "shift RUS on ceasefire: reject (2022-03-29) -> offer (2023-05-03) [concession]"
    )
    assert lines[1].startswith("  before: Dmitry Peskov: “Moscow rejected any ceasefire [in Donbas]")
    assert lines[2].startswith(" " * 10) and lines[2].strip()  # the quote goes on, indented
    assert any(line.startswith("  after:  Dmitry Peskov: “Moscow was ready") for line in lines)
    assert all(len(line) <= 80 for line in lines)


@pytest.mark.parametrize(
    "args",
    [["export", "-o", "/dev/full"], ["export", "--format", "csv"], ["positions", "--format", "json"]],
)
def test_a_full_disk_is_one_sentence_not_a_traceback(tmp_path: Path, args: list[str]) -> None:
    # Linux's /dev/full answers every write "No space left on device"
    import subprocess
    import sys

    db = str(tmp_path / "t.db")
    article = tmp_path / "a.txt"
    article.write_text('Talks\n\n"We are ready to talk," Dmitry Peskov said on 2 June 2025.\n')
    subprocess.run([sys.executable, "-m", "talkwatch", "ingest", str(article), "--db", db],
                   check=True, capture_output=True)  # fmt: skip
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "talkwatch", *args, "--db", db],
            stdout=full, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.strip().endswith("the output cannot be written (No space left on device).")
    assert "Traceback" not in done.stderr
