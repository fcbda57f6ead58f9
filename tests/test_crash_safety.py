"""kill -9 in the middle of an ingest; the re-run completes it, each document once.

The ingests analyse in their own process (--jobs 1): worker processes hold no database
connection and would only add spaCy loads to 60 documents. The same script with 1,000
documents and the default workers: python stress/kill_ingest.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stress"))

import kill_ingest


def test_a_killed_ingest_is_completed_by_running_it_again(tmp_path: Path) -> None:
    outcome = kill_ingest.run(tmp_path, documents=60, kill_after=15, timeout=60, jobs=1)
    assert outcome.problems == []
    assert 0 < outcome.stored_at_kill < 60, "the kill came before or after the ingest"
    assert outcome.figures == "60 documents (60 distinct), 120 statements, 60 inputs"
    assert "already stored" in outcome.rerun_output
