"""End to end through the command line: ingest a folder, export, query, evaluate, demo."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from talkwatch.cli import cli
from talkwatch.export import CONTRACT_FIELDS

WIRE = """KYIV, March 29, 2022 — Ukrainian negotiator David Arakhamia said Kyiv was ready to \
accept a neutral status if partners gave legally binding security guarantees.

"We will not trade our territory," he told reporters.

Kremlin spokesman Dmitry Peskov said Moscow does not intend to occupy Ukraine.

An official familiar with the talks said the next round would take place in Istanbul.
"""

BLOG = """<html><head><title>Guarantees, again</title>
<meta property="article:published_time" content="2025-08-20"></head><body>
<article><h1>Guarantees, again</h1>
<p>NATO Secretary-General Mark Rutte said allies were discussing guarantees for Ukraine that
would be similar to Article 5, and that the talks would continue next week in Washington.</p>
<p>"Nothing is agreed until everything is agreed," a senior European diplomat said.</p>
</article>
<div id="comments"><h3>2 comments</h3>
<ol class="comment-list">
<li class="comment"><p class="author">Hannah K.</p><p>August 20, 2025 at 9:14 am</p>
<p>Peskov said on TV that Russia would never accept European troops in Ukraine.</p>
<a class="comment-reply-link">Reply</a></li>
</ol></div></body></html>
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    (news / "blog").mkdir(parents=True)
    (news / "wire.txt").write_text(WIRE, encoding="utf-8")
    (news / "blog" / "guarantees.html").write_text(BLOG, encoding="utf-8")
    (news / "empty.txt").write_text("")
    (news / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary")
    return news


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    runner = CliRunner(env={"COLUMNS": "200"})
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


def test_ingest_export_and_reingest(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    first = run("ingest", str(folder), "--db", db)
    assert first.exit_code == 1  # two inputs failed
    assert "empty.txt: the file is empty" in first.stderr
    assert "scan.txt: this is a PDF file" in first.stderr
    assert "2 new documents" in first.stdout and "2 failed" in first.stdout

    exported = run("export", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert all(list(row)[: len(CONTRACT_FIELDS)] == list(CONTRACT_FIELDS) for row in rows)
    by_quote = {row["quote"]: row for row in rows}
    peskov = by_quote["Moscow does not intend to occupy Ukraine"]
    assert (peskov["speaker"], peskov["party"], peskov["stance"], peskov["kind"]) == (
        "Dmitry Peskov",
        "RUS",
        "deny",
        "indirect",
    )
    assert peskov["date"] == "2022-03-29" and peskov["doc"] == "wire.txt"
    assert peskov["sentence"].startswith("Kremlin spokesman Dmitry Peskov said")
    refusal = by_quote["We will not trade our territory,"]
    assert (refusal["speaker"], refusal["stance"], refusal["issues"]) == (
        "David Arakhamia",
        "reject",
        ["territory"],
    )
    diplomat = by_quote["Nothing is agreed until everything is agreed,"]
    assert (diplomat["source"], diplomat["section"]) == ("anonymous", "body")
    assert any(row["section"] == "comments" for row in rows)
    # a side the text does not give is the guide's NONE, never an empty code
    official = by_quote["the next round would take place in Istanbul"]
    assert (official["speaker"], official["party"]) == ("an official", "NONE")
    assert all(row["party"] for row in rows)
    # and the filter for NONE finds what the export shows as NONE
    none = run("statements", "--db", db, "--party", "NONE")
    assert "the next round would take place in Istanbul" in none.stdout
    assert run("statements", "--db", db, "--party", "unknown").stdout == none.stdout
    # a reader's comment is listed as such
    peskov_said = run("statements", "--db", db, "--speaker", "Peskov").stdout
    assert re.search(r"guarantees\.html · reader[\s│]*comment", peskov_said)  # wrapped cell
    assert "wire.txt · reader" not in peskov_said
    # a format's name in capitals is the same format
    assert run("export", "--db", db, "--format", "JSONL").stdout == exported.stdout
    assert run("export", "--db", db, "--format", "CSV").stdout.startswith("doc,quote,speaker,")

    again = run("ingest", str(folder / "wire.txt"), str(folder / "blog"), "--db", db)
    assert again.exit_code == 0 and "0 new documents" in again.stdout
    assert "2 already stored" in again.stdout


def test_stdin_with_a_date(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    text = "Foreign Minister Sergey Lavrov said Russia demanded guarantees of neutrality.\n"
    assert run("ingest", "-", "--db", db, "--date", "2022-03-16", input=text).exit_code == 0
    (row,) = [json.loads(x) for x in run("export", "--db", db).stdout.splitlines()]
    assert (row["speaker"], row["date"]) == ("Sergey Lavrov", "2022-03-16")
    assert row["doc"] == f"<stdin {row['doc_id'][:8]}>"


def test_texts_piped_in_one_after_another_have_names_of_their_own(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    for text in (
        "Foreign Minister Sergey Lavrov said Russia demanded guarantees of neutrality.\n",
        "Kremlin spokesman Dmitry Peskov said Moscow was ready to discuss a ceasefire.\n",
    ):
        assert run("ingest", "-", "--db", db, input=text).exit_code == 0
    names = {json.loads(x)["doc"] for x in run("export", "--db", db).stdout.splitlines()}
    assert len(names) == 2 and all(name.startswith("<stdin ") for name in names)


def test_a_bad_date_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    result = run("ingest", "-", "--db", str(tmp_path / "t.db"), "--date", "2025/03/14", input="x")
    assert result.exit_code == 2
    assert "'2025/03/14' is not a date: write it as YYYY-MM-DD" in result.stderr
    assert not (tmp_path / "t.db").exists()


def test_timeline_and_actors_show_mark_what_a_readers_comment_said(
    folder: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "t.db")
    run("ingest", str(folder), "--db", db)
    table = run("timeline", "--db", db, "--speaker", "Peskov").stdout
    assert re.search(r"guarantees\.html · reader[\s│]*comment", table)
    rows = json.loads(run("timeline", "--db", db, "--format", "json").stdout)
    said = {row["quote"]: row["section"] for row in rows}
    assert said["Russia would never accept European troops in Ukraine"] == "comments"
    assert set(said.values()) == {"body", "comments"}
    shown = run("actors", "show", "Peskov", "--db", db).stdout
    assert "(reader comment) Russia would never accept" in " ".join(shown.split())


def test_csv_and_statements_table(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("ingest", str(folder / "wire.txt"), "--db", db)
    out = tmp_path / "s.csv"
    assert run("export", "--db", db, "--format", "csv", "-o", str(out)).exit_code == 0
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[: len(CONTRACT_FIELDS)] == list(CONTRACT_FIELDS)
    table = run("statements", "--db", db, "--speaker", "Peskov")
    assert "Dmitry Peskov" in table.stdout and "Arakhamia" not in table.stdout
    assert "1 statement" in table.stdout
    for wildcard in ("%", "_", "Pes%", "P_skov"):  # LIKE wildcards are literal characters
        found = run("statements", "--db", db, "--speaker", wildcard)
        assert "0 statements" in found.stdout and "Peskov" not in found.stdout


def test_an_export_of_no_statements_is_still_a_file(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    text = "Talks in Istanbul\n\nThe delegations arrived in Istanbul on Monday morning.\n"
    assert run("ingest", "-", "--db", db, input=text).exit_code == 0
    out, table = tmp_path / "s.jsonl", tmp_path / "s.csv"
    assert run("export", "--db", db, "-o", str(out)).exit_code == 0
    assert out.exists() and out.read_text(encoding="utf-8") == ""
    assert run("export", "--db", db, "--format", "csv", "-o", str(table)).exit_code == 0
    assert table.read_text(encoding="utf-8").startswith(",".join(CONTRACT_FIELDS))
    # no database: no file either
    missing = tmp_path / "m.jsonl"
    assert run("export", "--db", str(tmp_path / "none.db"), "-o", str(missing)).exit_code == 1
    assert not missing.exists()


def test_evaluate_prints_measures_and_misses(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("ingest", str(folder / "wire.txt"), "--db", db)
    gold = tmp_path / "gold.jsonl"
    lines = [
        {
            "doc": "wire.txt",
            "quote": "Moscow does not intend to occupy Ukraine",
            "speaker": "Dmitry Peskov",
            "party": "RUS",
            "kind": "indirect",
            "issues": ["territory"],
            "stance": "deny",
            "source": "named",
            "section": "body",
        },
        {
            "doc": "wire.txt",
            "quote": "a sentence that talkwatch will not find anywhere at all",
            "speaker": "Nobody",
            "party": "NONE",
            "kind": "direct",
            "issues": [],
            "stance": "assess",
            "source": "named",
            "section": "body",
        },
    ]
    gold.write_text("\n".join(json.dumps(line) for line in lines))
    result = run("evaluate", str(gold), "--db", db)
    assert "attribution_recall 0.5" in result.stdout
    assert "speaker_accuracy 1.0" in result.stdout
    assert "missed (in the reference, not found): 1" in result.stdout


def test_a_missing_database_beside_the_demos_points_to_it(tmp_path: Path) -> None:
    (tmp_path / "talkwatch-demo.db").write_bytes(b"")
    result = run("statements", "--db", str(tmp_path / "talkwatch.db"))
    assert result.exit_code == 1
    assert "the demo's is talkwatch-demo.db (add --db talkwatch-demo.db)" in result.stderr


def test_missing_database_and_bad_actor_file_are_one_line_errors(tmp_path: Path) -> None:
    result = run("export", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "none.db: no such database" in result.stderr
    bad = tmp_path / "actors.yaml"
    bad.write_text("- name: X\n  party: Russia\n")
    result = run("ingest", "-", "--db", str(tmp_path / "t.db"), "--actors", str(bad), input="x")
    assert result.exit_code == 1 and "actors.yaml, line 1: X: party 'Russia'" in result.stderr


def test_demo_runs_on_the_sample_corpus(tmp_path: Path) -> None:
    result = run("demo", "--db", str(tmp_path / "demo.db"))
    assert result.exit_code == 0
    assert "new documents" in result.stdout and "Top speakers" in result.stdout
    assert "Example statements" in result.stdout and "sentence:" in result.stdout
    # the examples are words in quotation marks, each shown with its sentence
    examples = result.stdout.split("Example statements")[1].split("Explore:")[0]
    quotes = [line for line in examples.splitlines() if line.startswith("  “")]
    assert len(quotes) == 6
    assert "Mykhailo Podolyak (UKR) conditional" in examples


def test_actors_list_and_show(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("ingest", str(folder / "wire.txt"), "--db", db)
    listed = run("actors", "--db", db)
    assert "David Arakhamia" in listed.stdout and "2022-03-29" in listed.stdout
    # a speaker of no side the text gives reads "unknown", as in the statements table
    (official,) = [line for line in listed.stdout.splitlines() if "an official" in line]
    assert "unknown" in official
    assert run("actors", "list", "--db", db).stdout == listed.stdout  # as `feeds list`
    assert run("actors", "--db", db, "list").stdout == listed.stdout
    shown = run("actors", "show", "Peskov", "--db", db)
    assert "Kremlin spokesman" in shown.stdout
    assert run("actors", "--db", db, "show", "Peskov").stdout == shown.stdout
    no_db = run("actors", "show", "Peskov", "--db", str(tmp_path / "none.db"))
    assert no_db.exit_code == 0 and "no statements to show" in no_db.stdout
    assert "Moscow does not intend to occupy Ukraine" in shown.stdout
    unknown = run("actors", "show", "Nobody Atall", "--db", db)
    assert unknown.exit_code == 1 and "No actor called 'Nobody Atall'" in unknown.stderr


def test_conflicting_user_aliases_are_reported_at_ingest(tmp_path: Path) -> None:
    twins = tmp_path / "twins.yaml"
    twins.write_text(
        "- name: Olena Test\n  aliases: [O. Test]\n- name: Oksana Test\n  aliases: [O. Test]\n"
    )
    result = run(
        "ingest",
        "-",
        "--db",
        str(tmp_path / "t.db"),
        "--actors",
        str(twins),
        input="Peskov said the talks were over.",
    )
    assert "warning: the alias 'o. test' names both Olena Test and Oksana Test" in result.stderr


@pytest.mark.parametrize("command", ["timeline", "shifts"])
def test_a_limit_below_one_is_refused(command: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, [command, "--db", str(tmp_path / "t.db"), "--limit", "-1"])
    assert result.exit_code == 2
    assert "Invalid value for '--limit': -1 is not in the range x>=1." in result.output


def test_the_command_line_starts_without_loading_spacy() -> None:
    # an unchanged re-run and the query commands answer in a fraction of a second because
    # spaCy and its model load only when a text is analysed (bench/throughput.py)
    code = "import sys, talkwatch.cli; print(sorted(m for m in ('spacy', 'numpy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_date_that_does_not_exist_says_why(tmp_path: Path) -> None:
    result = run("ingest", "-", "--db", str(tmp_path / "t.db"), "--date", "2025-02-30", input="x")
    assert result.exit_code == 2
    assert "'2025-02-30' is not a date: February 2025 has 28 days." in result.stderr


def test_the_command_list_says_what_each_command_does_without_cutting_it_off() -> None:
    shown = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["--help"]).output
    commands = shown.split("Commands:")[1].strip().splitlines()
    assert len(commands) >= 16
    assert not [line for line in commands if line.rstrip().endswith("...")]


def test_a_usage_error_is_one_line_naming_the_problem_and_where_to_look(tmp_path: Path) -> None:
    result = run("statements", "--db", str(tmp_path / "t.db"), "--limit", "0")
    assert result.exit_code == 2
    # the program's name is the runner's ("cli") here, "talkwatch" from the shell
    assert result.stderr.splitlines() == [
        "Error: Invalid value for '--limit': 0 is not in the range x>=1. "
        "(see 'cli statements --help')"
    ]
    unknown = run("statemnts")
    assert unknown.exit_code == 2 and len(unknown.stderr.splitlines()) == 1
    assert "No such command 'statemnts'" in unknown.stderr


def test_a_commands_option_before_the_command_says_where_it_goes(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "t.db"), "positions")
    assert result.exit_code == 2
    # the command typed, not the first that takes the option
    assert result.stderr.splitlines() == [
        "Error: No such option '--db'. Options follow the command's name: "
        "'talkwatch positions --db ...' (see 'talkwatch positions --help')"
    ]
    assert "'talkwatch shifts --format ...'" in run("--format", "json", "shifts").stderr
    assert "'talkwatch feeds list --db ...'" in run("--db", "t.db", "feeds", "list").stderr
    # an option's value that is a command's name is no command typed
    assert "'talkwatch statements --db ...'" in run("--db", "feeds", "statements").stderr
    assert "talkwatch feeds add --name" in run("--name", "x", "feeds").stderr
    # no command typed: the first that takes it
    assert "'talkwatch actors --db ...'" in run("--db", "t.db").stderr
    assert "follow the command" not in run("--nonsense").stderr


def test_a_size_limit_below_one_megabyte_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Peskov said the talks would resume.\n", encoding="utf-8")
    for size in ("0", "-3"):
        result = run("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "t.db"),
                     "--max-size", size)  # fmt: skip
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [
            f"Error: Invalid value for '--max-size': {size} is not in the range x>=1. "
            "(see 'cli ingest --help')"
        ]
    assert not (tmp_path / "t.db").exists()


def test_issues_as_json_give_each_position_its_evidence(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("ingest", str(folder / "wire.txt"), "--db", db)
    issues = json.loads(run("issues", "--db", db, "--format", "json").stdout)
    territory = next(s for s in issues if s["issue"] == "territory")
    (ukraine,) = [p for p in territory["positions"] if p["party"] == "UKR"]
    assert [e["quote"] for e in ukraine["evidence"]] == ["We will not trade our territory,"]
    positions = json.loads(run("positions", "--db", db, "--format", "json").stdout)
    same = next(p for p in positions if p["party"] == "UKR" and p["issue"] == "territory")
    assert same["evidence"] == ukraine["evidence"]


def test_a_copy_under_another_name_names_the_stored_document(
    folder: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "t.db")
    run("ingest", str(folder / "wire.txt"), "--db", db)
    copy = tmp_path / "wire-copy.txt"
    copy.write_text(WIRE, encoding="utf-8")
    again = run("ingest", str(copy), "--db", db)
    assert again.exit_code == 0 and "1 already stored" in again.stdout
    stored = (folder / "wire.txt").resolve()
    assert (
        f"warning: {copy}: the same text as {stored}, which is stored; not stored again."
        in again.stderr
    )
    # the same file again says nothing more
    assert "warning" not in run("ingest", str(folder / "wire.txt"), "--db", db).stderr
