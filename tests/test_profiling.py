"""--profile: time is credited to the stage whose code spent it."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

from click.testing import CliRunner

from talkwatch.cli import cli
from talkwatch.profiling import profile_stages, stage_of
from talkwatch.quotes import find_quotations


def test_stage_of_a_function() -> None:
    assert stage_of("/x/site-packages/talkwatch/attribution.py", "attribute") == "attribution"
    attribution = "/x/site-packages/talkwatch/attribution/direct.py"
    assert stage_of(attribution, "cue_after") == "attribution"
    assert stage_of("C:\\x\\talkwatch\\attribution\\__init__.py", "attribute") == "attribution"
    assert stage_of("/x/site-packages/talkwatch/actors/resolve.py", "resolve") == "actors.resolve"
    assert stage_of("/x/site-packages/spacy/language.py", "pipe") == "spaCy (parse, tag, entities)"
    assert stage_of("/x/site-packages/lxml/html/clean.py", "x") == "clean (HTML extraction)"
    # a checkout in a folder called talkwatch: its venv's libraries are still libraries
    spacy_in_checkout = "/home/u/talkwatch/.venv/lib/python3.11/site-packages/spacy/language.py"
    assert stage_of(spacy_in_checkout, "pipe") == "spaCy (parse, tag, entities)"


def test_profile_stages_returns_the_result_and_stages() -> None:
    """A database query and talkwatch's quote finder: each credited to its stage, in order."""
    text = 'Peskov said: "the talks will resume." ' * 4000

    def work() -> int:
        with closing(sqlite3.connect(":memory:")) as db:
            count = db.execute(
                "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 400000) "
                "SELECT count(*) FROM c"
            ).fetchone()[0]
        return int(count) + len(find_quotations(text))

    started = time.perf_counter()
    result, stages = profile_stages(work)
    elapsed = time.perf_counter() - started
    assert result == 400_000 + 4000
    seconds = dict(stages)
    assert seconds["store"] > 0 and seconds["quotes"] > 0
    assert [s for _, s in stages] == sorted(seconds.values(), reverse=True)  # slowest first
    assert seconds["store"] + seconds["quotes"] > 0.8 * sum(seconds.values())
    assert sum(seconds.values()) <= elapsed  # own times: nothing is counted twice


def test_ingest_profile_prints_stages(tmp_path: Path) -> None:
    text = "Kremlin spokesman Dmitry Peskov said the talks would resume on Monday in Istanbul."
    result = CliRunner().invoke(
        cli, ["ingest", "-", "--db", str(tmp_path / "t.db"), "--profile"], input=text
    )
    assert result.exit_code == 0
    assert "time by stage" in result.stderr and "spaCy (parse, tag, entities)" in result.stderr
    assert "attribution" in result.stderr and "1 new document" in result.stdout
