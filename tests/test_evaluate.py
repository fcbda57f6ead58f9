"""The scorer behind `talkwatch evaluate`, on reference and output lines we wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from talkwatch.cli import cli
from talkwatch.evaluate import (
    confusion_table,
    evaluate,
    load_reference,
    overlap,
    same_speaker,
    unknown_codes,
)


def row(quote: str, speaker: str = "Dmitry Peskov", **fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "doc": "a.txt",
        "quote": quote,
        "speaker": speaker,
        "party": "RUS",
        "kind": "indirect",
        "issues": ["talks"],
        "stance": "assess",
        "source": "named",
        "section": "body",
    }
    return {**base, **fields}


def test_overlap_counts_tokens_with_repeats() -> None:
    assert overlap("the talks, the talks", "The talks") == (0.5, 1.0)
    assert overlap("", "x") == (0.0, 0.0)


def test_match_needs_half_the_reference_and_a_third_of_the_output() -> None:
    reference = [row("Moscow is discussing neutrality for Ukraine")]
    whole_paragraph = row(
        "Moscow is discussing neutrality for Ukraine and many other things that nobody "
        "asked about in a very long paragraph"
    )
    assert evaluate(reference, [whole_paragraph]).measures()["matched"] == 0
    assert (
        evaluate(reference, [row("discussing neutrality for Ukraine")]).measures()["matched"] == 1
    )


def test_measures_over_matched_lines() -> None:
    reference = [
        row(
            "we will not give up a single inch of land",
            "Volodymyr Zelenskyy",
            party="UKR",
            stance="reject",
            issues=["territory"],
        ),
        row("the talks were useful", stance="assess"),
        row("a line nobody found"),
    ]
    predicted = [
        row(
            "We will not give up a single inch of land",
            "Volodymyr Zelensky",
            party="UKR",
            stance="reject",
            issues=["territory", "talks"],
            doc="folder/a.txt",
        ),
        row("the talks were useful", "an official", source="anonymous", stance="offer"),
        row("something spurious entirely"),
    ]
    result = evaluate(reference, predicted)
    measures = result.measures()
    assert measures["matched"] == 2
    assert measures["attribution_precision"] == measures["attribution_recall"] == 0.667
    assert measures["speaker_accuracy"] == 0.5  # transliteration matches, unnamed does not
    assert measures["stance_accuracy"] == 0.5
    assert measures["issue_f1"] == 0.8  # tp 2, fp 1, fn 0
    assert [r["quote"] for r in result.missed] == ["a line nobody found"]
    assert [r["quote"] for r in result.spurious] == ["something spurious entirely"]


def test_documents_not_in_the_reference_are_ignored() -> None:
    result = evaluate([row("x y z")], [row("x y z"), row("other", doc="b.txt")])
    assert result.measures()["predicted"] == 1


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
        ("Andrii Sybiha", "Andriy Sibiga", True),
        ("Sergey Lavrov", "Sergei Lavrov", True),
        ("Sergey Lavrov", "Dmitry Peskov", False),
    ],
)
def test_speaker_names_tolerate_transliteration(a: str, b: str, same: bool) -> None:
    assert same_speaker({"speaker": a}, {"speaker": b}) is same


def test_unnamed_speakers_match_each_other_only() -> None:
    official = {"speaker": "a ukrainian official", "source": "anonymous"}
    assert same_speaker(official, {"speaker": "the official"})
    assert not same_speaker(official, {"speaker": "Mykhailo Podolyak", "source": "named"})


def test_reference_errors_name_the_file_and_line(tmp_path: Path) -> None:
    good = tmp_path / "a.jsonl"
    good.write_text(json.dumps(row("fine")) + "\n\n")
    assert len(load_reference(tmp_path)) == 1
    (tmp_path / "b.jsonl").write_text('{"doc": "b.txt"\n')
    with pytest.raises(ValueError, match=r"b.jsonl:1: not a JSON object"):
        load_reference(tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="no .jsonl"):
        load_reference(tmp_path / "empty")
    (tmp_path / "empty" / "blank.jsonl").write_text("\n")
    with pytest.raises(ValueError, match=r"empty: no reference statements in it"):
        load_reference(tmp_path / "empty")


def test_evaluate_prints_a_stance_confusion_matrix_and_issue_scores(tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(
        "Talks stall over delegations\n\n"
        "Kremlin spokesman Dmitry Peskov said on Tuesday that Moscow will not send a "
        "delegation to the summit in Geneva.\n\n"
        "Ukraine's foreign minister, Andrii Sybiha, said Russia must withdraw its troops "
        "from the occupied regions.\n"
    )
    gold = tmp_path / "gold.jsonl"
    lines = [
        row(
            "Moscow will not send a delegation to the summit in Geneva",
            doc="talks.txt",
            stance="reject",
            issues=["talks"],
        ),
        row(
            "Russia must withdraw its troops from the occupied regions",
            "Andrii Sybiha",
            doc="talks.txt",
            party="UKR",
            stance="assess",
            issues=["withdrawal", "territory"],
        ),
    ]
    gold.write_text("".join(json.dumps(line) + "\n" for line in lines))
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(article), "--db", db]).exit_code == 0
    result = runner.invoke(cli, ["evaluate", str(gold), "--db", db])
    assert result.exit_code == 0, result.output
    out = result.output.splitlines()
    header = out.index("stance confusion (rows: reference, columns: stored)")
    assert out[header + 1].split() == [
        "demand",
        "offer",
        "accept",
        "reject",
        "conditional",
        "deny",
        "assess",
    ]
    rows = {
        line.split()[0]: [int(n) for n in line.split()[1:]] for line in out[header + 2 : header + 9]
    }
    assert rows["reject"] == [0, 0, 0, 1, 0, 0, 0]  # agreed: a refusal
    assert rows["assess"] == [1, 0, 0, 0, 0, 0, 0]  # the reference says assess, stored demand
    assert sum(map(sum, rows.values())) == 2
    issues = {
        line.split()[0]: line.split()[1:]
        for line in out[out.index("issues (over matched statements)") + 2 :]
        if line.strip()
    }
    assert issues["withdrawal"][:2] == ["1.000", "1.000"]


def test_a_stance_outside_the_guide_gets_its_own_row_and_column() -> None:
    result = evaluate([row("a b c", stance="refuse")], [row("a b c", stance="reject")])
    assert result.stance_confusion() == {("refuse", "reject"): 1}
    table = confusion_table(result.stance_confusion(), ("reject", "assess"))
    assert table[0].split() == ["reject", "assess", "refuse"]
    assert table[3].split() == ["refuse", "1", "0", "0"]


def evaluated(tmp_path: Path, reference: dict[str, str]) -> Result:
    """`talkwatch evaluate` of one reference line against one stored article."""
    article = tmp_path / "talks.txt"
    article.write_text(
        "Talks stall\n\nKremlin spokesman Dmitry Peskov said on Tuesday that Moscow will not "
        "send a delegation to the summit in Geneva.\n"
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(reference) + "\n")
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(article), "--db", db]).exit_code == 0
    return runner.invoke(cli, ["evaluate", str(gold), "--db", db])


def test_evaluate_says_which_fields_the_reference_does_not_give(tmp_path: Path) -> None:
    line = {"doc": "talks.txt", "quote": "Moscow will not send a delegation to the summit"}
    result = evaluated(tmp_path, line)
    assert result.exit_code == 0
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert [n.split("'")[1] for n in notes] == [
        "speaker",
        "party",
        "kind",
        "issues",
        "stance",
        "section",
    ]
    assert notes[0] == (
        "note: 1 of 1 reference lines give no 'speaker'; they are scored as empty on it, "
        "as the guide's scorer scores them."
    )


def test_evaluate_names_reference_documents_not_stored_and_scores_no_accuracy_of_none(
    tmp_path: Path,
) -> None:
    line = {"doc": "geneva.txt", "quote": "Moscow will not send a delegation", "stance": "reject"}
    result = evaluated(tmp_path, line)
    assert result.exit_code == 0
    assert (
        "note: 1 reference document(s) not stored, their statements counted as missed: "
        "geneva.txt"
    ) in result.stderr.splitlines()
    measures = dict(line.split(" ", 1) for line in result.stdout.splitlines()[:13])
    assert measures["matched"] == "0" and measures["attribution_recall"] == "0.0"
    assert measures["stance_accuracy"] == measures["issue_f1"] == "n/a"


def test_evaluate_names_reference_codes_the_guide_does_not_define(tmp_path: Path) -> None:
    line = row(
        "Moscow will not send a delegation to the summit in Geneva",
        doc="talks.txt",
        party="Mordor",
        kind="sideways",
        issues=["nukes", "talks"],
        stance="maybe",
    )
    result = evaluated(tmp_path, {k: str(v) if k != "issues" else v for k, v in line.items()})  # type: ignore[misc]
    assert result.exit_code == 0
    notes = [n for n in result.stderr.splitlines() if "does not define" in n]
    assert notes == [
        f"note: reference '{name}' values the annotation guide does not define: '{value}'; "
        "they are scored as given."
        for name, value in (
            ("kind", "sideways"), ("stance", "maybe"), ("party", "Mordor"), ("issues", "nukes")
        )
    ]
    # the guide's own codes (stances in any case, as scored) and a state's alpha-3 code
    # pass, and an empty party is a missing one
    good = row("x y z", party="GBR", stance="Reject", issues=["ceasefire"])
    assert unknown_codes([good, row("x y z", party="", section="comments")]) == {}
    # issues are scored as written: a capital is a disagreement
    assert unknown_codes([row("x y z", issues=["Neutrality"])]) == {"issues": ["Neutrality"]}


def test_a_reference_with_a_code_for_a_list_a_mistyped_field_and_capitals(
    tmp_path: Path,
) -> None:
    # "issues": "talks" is read as ["talks"], not letter by letter; "stances" is named;
    # a stance in capitals is the same stance in the matrix as in the accuracy
    line = row("Moscow will not send a delegation to the summit in Geneva", doc="talks.txt")
    line = {**line, "issues": "talks", "stances": line.pop("stance")}  # type: ignore[misc]
    typed = {**line, "stance": "Reject"}
    result = evaluated(tmp_path, line)
    assert result.exit_code == 0
    assert "note: 1 reference line(s) give 'issues' as one code, not a list; read as a list" in (
        result.stderr
    )
    assert "a field 'stances' the annotation guide does not define; it is not scored" in (
        result.stderr
    )
    assert not any(f"  {letter} " in result.stdout for letter in "talks")
    (tmp_path / "caps").mkdir()
    capitals = evaluated(tmp_path / "caps", typed)
    assert "Reject" not in capitals.stdout.split("stance confusion")[1]


def test_an_empty_reference_file_is_one_line_and_no_scores(tmp_path: Path) -> None:
    (tmp_path / "gold.jsonl").write_text("")
    result = CliRunner().invoke(
        cli, ["evaluate", str(tmp_path / "gold.jsonl"), "--db", str(tmp_path / "t.db")]
    )
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {tmp_path / 'gold.jsonl'}: no reference statements in it (no JSON lines)."
    ]
    assert "attribution_f1" not in result.stdout


def test_evaluate_lists_the_matched_statements_that_disagree(tmp_path: Path) -> None:
    line = row(
        "Moscow will not send a delegation to the summit in Geneva",
        speaker="Sergey Lavrov",
        doc="talks.txt",
        issues=["talks", "ceasefire"],
        stance="deny",
    )
    result = evaluated(tmp_path, line)  # type: ignore[arg-type]
    listed = result.stdout.split("disagreeing (matched; reference -> stored): 1\n")[1]
    assert listed.splitlines() == [
        "  [talks.txt] Moscow will not send a delegation to the summit in Geneva",
        "      speaker: Sergey Lavrov -> Dmitry Peskov",
        "      stance: deny -> reject",
        "      issues: talks, ceasefire -> talks",
    ]
    # a recall with nothing to find, a precision with nothing found: no figure
    (ceasefire,) = [x for x in result.stdout.splitlines() if x.strip().startswith("ceasefire")]
    assert ceasefire.split()[1:4] == ["n/a", "0.000", "n/a"]
