"""The scorer behind `talkwatch evaluate`, on reference and output lines we wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from talkwatch.evaluate import evaluate, load_reference, overlap, same_speaker


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
