"""--profile: time is credited to the stage whose code spent it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from talkwatch.cli import cli
from talkwatch.profiling import profile_stages, stage_of


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
    result, stages = profile_stages(lambda: sum(i * i for i in range(20_000)))
    assert result == sum(i * i for i in range(20_000))
    assert stages and all(seconds >= 0 for _, seconds in stages)


def test_ingest_profile_prints_stages(tmp_path: Path) -> None:
    text = "Kremlin spokesman Dmitry Peskov said the talks would resume on Monday in Istanbul."
    result = CliRunner().invoke(
        cli, ["ingest", "-", "--db", str(tmp_path / "t.db"), "--profile"], input=text
    )
    assert result.exit_code == 0
    assert "time by stage" in result.stderr and "spaCy (parse, tag, entities)" in result.stderr
    assert "attribution" in result.stderr and "1 new document" in result.stdout
