"""Two ingests of overlapping folders into one database at once, with a reader querying.

Each ingest analyses in its own process (--jobs 1: worker processes would only add
spaCy loads to 60 documents; tests/test_parallel.py covers them). The same script
with 1,000 documents and the default workers: python stress/concurrent_ingest.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stress"))

import concurrent_ingest


def test_two_ingests_and_a_reader_at_once(tmp_path: Path) -> None:
    outcome = concurrent_ingest.run(tmp_path, documents=60, timeout=60, jobs=1)
    assert outcome.problems == []
    assert outcome.figures == "60 documents (60 distinct), 120 statements, 60 inputs"
    assert outcome.queries > 0
