"""`talkwatch export` takes the filters `statements` takes, so one side's or one issue's
statements can be exported alone, with every field."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner, Result

from talkwatch.cli import cli
from web_helpers import build


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("export") / "t.db")
    build(path)  # UKR, RUS and USA; a reader's comment; dated 2022-03-01 to 2022-04-01
    return path


def export(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["export", "--db", db, *args])


def rows(result: Result) -> list[dict[str, object]]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_statement_without_a_filter(db: str) -> None:
    everything = rows(export(db))
    assert {row["party"] for row in everything} >= {"UKR", "RUS", "USA"}


def test_one_party_by_name_and_one_issue_by_alias(db: str) -> None:
    ukraine = rows(export(db, "--party", "Ukraine"))
    assert ukraine and {row["party"] for row in ukraine} == {"UKR"}
    neutral = rows(export(db, "--party", "Ukraine", "--issue", "neutral status"))
    assert all("neutrality" in row["issues"] for row in neutral)  # type: ignore[operator]
    assert (len(ukraine), len(neutral)) == (3, 2)  # Zelensky's comment is on territory


def test_stance_section_and_dates(db: str) -> None:
    comments = rows(export(db, "--section", "comments"))
    assert comments and {row["section"] for row in comments} == {"comments"}
    body = rows(export(db, "--section", "body"))
    assert not {row["id"] for row in comments} & {row["id"] for row in body}
    march = rows(export(db, "--since", "2022-03-10", "--until", "2022-03-31"))
    assert march and all(str(row["date"]).startswith("2022-03-15") for row in march)
    rejected = rows(export(db, "--stance", "REJECT"))
    assert rejected and {row["stance"] for row in rejected} == {"reject"}


def test_csv_keeps_the_filter_and_the_fields(db: str) -> None:
    result = export(db, "--format", "csv", "--speaker", "lavrov")
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["speaker"] for row in table] == ["Sergey Lavrov"]
    assert table[0]["quote"] and table[0]["sentence"]


def test_a_filter_that_keeps_nothing_says_so_and_writes_an_empty_file(db: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "none.jsonl"
    result = export(db, "--speaker", "Nobody Atall", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text() == ""
    assert "No statements for speaker 'Nobody Atall'" in result.stderr
    assert "Wrote 0 statements" in result.stderr


def test_a_bad_filter_value_is_one_sentence(db: str) -> None:
    result = export(db, "--party", "Ukrane")
    assert result.exit_code == 2
    assert "no such party" in result.output and "Traceback" not in result.output


def test_writing_to_standard_output_says_nothing_of_a_file(db: str) -> None:
    result = export(db, "--party", "RUS")
    assert "Wrote" not in result.stderr
