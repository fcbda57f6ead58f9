"""docs/contract.md stands in for the annotation guide: it must list every code talkwatch
writes, so a user can annotate their own articles for `evaluate` from it alone."""

from __future__ import annotations

import re
from pathlib import Path

from talkwatch.records import ISSUES, STANCES

CONTRACT = Path(__file__).resolve().parents[1] / "docs" / "contract.md"


def table_codes(heading: str) -> list[str]:
    """The codes in the first column of the table under ``## heading``."""
    section = CONTRACT.read_text("utf-8").split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)


def test_the_contract_lists_every_issue_code_once() -> None:
    assert sorted(table_codes("Issues")) == sorted(ISSUES)


def test_the_contract_lists_every_stance_code_once() -> None:
    assert sorted(table_codes("Stances")) == sorted(STANCES)
