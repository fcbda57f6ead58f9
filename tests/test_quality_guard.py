"""Quality guard: extraction quality on ../shared must not drop below the recorded figures.

The seven reference articles (../shared/seeds, scored against ../shared/gold by
../shared/score.py) and a fixed sample of 14 PolNeAR dev articles (scored by
../shared/polnear.py; the sample ../shared/hooks/before-stop scores) are
ingested once, exported, and scored by the shared scorers as a user would run
them. A measure more than TOLERANCE below its figure in quality_baseline.json
fails; a change that moves the figures updates that file and says why.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from talkwatch.cli import cli

BASELINE = json.loads((Path(__file__).parent / "quality_baseline.json").read_text())
TOLERANCE = 0.02
MEASURES = [
    (corpus, measure)
    for corpus in ("seeds", "polnear_dev_sample")
    for measure in BASELINE[corpus]["measures"]
]


def talkwatch(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


def scorer(*args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, *args, "--json"], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float]]:
    """Both corpora ingested in one run into one database, exported once, scored apart."""
    folder = tmp_path_factory.mktemp("quality")
    sample = folder / "polnear-sample"
    (sample / "gold").mkdir(parents=True)
    articles = BASELINE["polnear_dev_sample"]["articles"]
    for name in articles:  # the scorer reads every gold file of the folder it is given
        (sample / "gold" / f"{name}.jsonl").symlink_to(shared / "polnear-dev" / "gold" / f"{name}.jsonl")
    inputs = [str(shared / "seeds")] + [
        str(shared / "polnear-dev" / "seeds" / f"{name}.txt") for name in articles
    ]
    db, predicted = str(folder / "q.db"), str(folder / "predicted.jsonl")
    talkwatch("ingest", *inputs, "--db", db, "-q", "--jobs", "1")
    talkwatch("export", "--db", db, "-o", predicted)
    return {
        "seeds": scorer(str(shared / "score.py"), str(shared / "gold"), predicted),
        "polnear_dev_sample": scorer(str(shared / "polnear.py"), "score", str(sample), predicted),
    }


def test_every_article_was_scored(scores: dict[str, dict[str, float]]) -> None:
    assert scores["seeds"]["docs"] == 7
    assert scores["polnear_dev_sample"]["docs"] == len(BASELINE["polnear_dev_sample"]["articles"])


@pytest.mark.parametrize(("corpus", "measure"), MEASURES)
def test_quality_does_not_drop(
    scores: dict[str, dict[str, float]], corpus: str, measure: str
) -> None:
    recorded = BASELINE[corpus]["measures"][measure]
    found = scores[corpus][measure]
    assert found >= recorded - TOLERANCE, (
        f"{corpus} {measure} is {found}, more than {TOLERANCE} below the {recorded} recorded in "
        "tests/quality_baseline.json"
    )
