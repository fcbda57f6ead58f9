"""scripts/check_annotations.py: reference files are checked against their texts and the guide."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "check_annotations.py"
GUIDE = """# Guide

## Issues

| code | what it covers |
| --- | --- |
| `talks` | the negotiation itself |
| `territory` | borders |

## Stances

| code | when |
| --- | --- |
| `offer` | gives |
| `assess` | describes |
| `conditional` | tied to a condition |

## Scoring
"""
TEXT = (
    "Kremlin open to talks\n\n"
    '"We are ready to talk," Dmitry Peskov said, "but only\nabout the new realities."\n\n'
    "An official said the talks would resume in May.\n"
)


def row(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "doc": "201_peskov.txt", "quote": "We are ready to talk, … but only about the new realities.",
        "speaker": "Dmitry Peskov", "party": "RUS", "kind": "direct", "issues": ["talks"],
        "stance": "conditional", "source": "named", "section": "body",
    }
    base.update(kw)
    return base


def run(tmp_path: Path, rows: list[dict[str, object]]) -> subprocess.CompletedProcess[str]:
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "guide.md").write_text(GUIDE, encoding="utf-8")
    (tmp_path / "seeds" / "201_peskov.txt").write_text(TEXT, encoding="utf-8")
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (tmp_path / "gold" / "201_peskov.jsonl").write_text(lines, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "gold"), "--guide", str(tmp_path / "guide.md")],
        capture_output=True, text=True, check=False,
    )


def test_a_split_quote_over_a_line_break_and_an_anonymous_speaker_pass(tmp_path: Path) -> None:
    anon = row(quote="the talks would resume in May", speaker="an official", kind="indirect",
               stance="offer", source="anonymous")
    result = run(tmp_path, [row(), anon])
    assert result.returncode == 0, result.stdout
    assert "201_peskov.jsonl: 2 statements" in result.stdout


def test_a_quote_not_in_the_text_and_codes_not_in_the_guide_are_reported(tmp_path: Path) -> None:
    bad = row(quote="We are not ready to talk", issues=["sanctions"], stance="demand",
              party="Russia", kind="quoted")
    result = run(tmp_path, [bad])
    assert result.returncode == 1
    out = result.stdout
    assert "quote part not in text" in out
    assert "bad issues ['sanctions']" in out
    assert "bad stance 'demand'" in out
    assert "bad party 'Russia'" in out
    assert "bad kind 'quoted'" in out


def test_parts_out_of_order_a_missing_field_and_a_named_descriptor_are_reported(tmp_path: Path) -> None:
    swapped = row(quote="but only about the new realities. … We are ready to talk,")
    missing = {k: v for k, v in row().items() if k != "section"}
    descriptor = row(quote="the talks would resume in May", speaker="An Official",
                     kind="indirect", stance="assess", source="anonymous")
    result = run(tmp_path, [swapped, missing, descriptor])
    assert result.returncode == 1
    assert "201_peskov.jsonl:1: quote part not in text (in order)" in result.stdout
    assert "201_peskov.jsonl:2: fields: missing ['section']" in result.stdout
    assert "201_peskov.jsonl:3: anonymous speaker must be a lower-case descriptor" in result.stdout


def test_the_same_statement_twice_is_a_duplicate_unless_the_text_repeats_it(tmp_path: Path) -> None:
    result = run(tmp_path, [row(), row()])
    assert result.returncode == 1
    assert "duplicate statement" in result.stdout
