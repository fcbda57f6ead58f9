"""The learned stance model: trained by scripts/train_stance.py, shipped, switched off by
TALKWATCH_STANCE=rules, and weighing the rules' verdict against the words."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from talkwatch.stance import default_stance_classifier
from talkwatch.stance_model import (
    MODEL_FILE,
    Example,
    StanceModelError,
    default_stance_model,
    load_stance_model,
    stance_features,
    train,
)

REPO = Path(__file__).resolve().parents[1]
MINI = REPO / "tests" / "data" / "stance-mini"


def test_training_script_trains_saves_and_loads_a_model_that_predicts(tmp_path: Path) -> None:
    outputs = []
    for run in ("first", "second"):
        out = tmp_path / f"{run}.json"
        done = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "train_stance.py"),
             "--corpus", str(MINI / "gold"), str(MINI / "seeds"),
             "--sentences", str(MINI / "sentences.jsonl"), "--out", str(out)],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "calibration statements" in done.stderr
        outputs.append(out.read_text("utf-8"))
    assert outputs[0] == outputs[1], "training is deterministic"
    model = load_stance_model(tmp_path / "first.json")
    assert set(model.classes) <= {"demand", "offer", "accept", "reject", "conditional", "deny",
                                  "assess"}  # fmt: skip
    assert model.predict("we are ready to host the talks", "say", "offer") in model.classes


def test_the_shipped_model_learned_from_hundreds_of_real_statements() -> None:
    model = load_stance_model(MODEL_FILE)
    assert sum(model.classes.values()) > 500
    assert {"assess", "offer", "demand", "reject"} <= set(model.classes)


def test_features_are_words_pairs_cue_and_the_rules_verdict() -> None:
    features = stance_features("Kyiv must withdraw", "say", "demand")
    assert {"w:kyiv", "w:must", "b:kyiv_must", "cue:say"} <= set(features)
    assert features.count("rule:demand") == 1 and len(features) == len(set(features))


def test_a_model_follows_what_its_examples_teach() -> None:
    examples = [
        Example("the talks were useful", "say", "assess", "assess"),
        Example("the meeting was constructive", "say", "assess", "assess"),
        Example("we are ready to host the next round", "say", "assess", "offer"),
        Example("we are ready to send a delegation", "say", "offer", "offer"),
    ]
    model = train(examples)
    assert model.predict("we are ready to host a summit", "say", "assess") == "offer"
    assert model.predict("the talks were constructive", "say", "assess") == "assess"


def test_the_reason_says_when_the_model_overrules_the_rules() -> None:
    examples = [
        *(Example(f"the harbour reopened on day {n}", "say", "demand", "assess") for n in range(5)),
        *(Example(f"Kyiv must stop the strikes {n}", "say", "demand", "demand") for n in range(2)),
    ]
    classifier = replace(default_stance_classifier(), model=train(examples))
    result = classifier.classify("the harbour must reopen", "say")
    assert result.stance == "assess"
    because = result.reason.split(";")[0]
    assert because.startswith("learned from annotated articles on the words ")
    assert "'harbour'" in because and "'must'" not in because and "'the'" not in because
    assert result.reason.endswith("the rules said demand (words 'must')")


def test_the_rules_decide_alone_unless_the_model_is_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default_stance_model.cache_clear()
    monkeypatch.delenv("TALKWATCH_STANCE", raising=False)
    monkeypatch.delenv("TALKWATCH_STANCE_MODEL", raising=False)
    try:
        assert default_stance_model() is None
        default_stance_model.cache_clear()
        monkeypatch.setenv("TALKWATCH_STANCE", "model")
        shipped = default_stance_model()
        assert shipped is not None and shipped == load_stance_model(MODEL_FILE)
        default_stance_model.cache_clear()
        monkeypatch.setenv("TALKWATCH_STANCE", "rules")
        assert default_stance_model() is None
        default_stance_model.cache_clear()
        monkeypatch.delenv("TALKWATCH_STANCE")
        own = tmp_path / "own.json"
        own.write_text(json.dumps(train([Example("we are ready", "say", "offer", "offer")]).to_json()))
        monkeypatch.setenv("TALKWATCH_STANCE_MODEL", str(own))
        mine = default_stance_model()  # naming a model file asks for the model
        assert mine is not None and mine.classes == {"offer": 1}
    finally:
        default_stance_model.cache_clear()


def test_bad_mode_and_bad_model_file_are_sentences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default_stance_model.cache_clear()
    try:
        monkeypatch.setenv("TALKWATCH_STANCE", "learned")
        with pytest.raises(StanceModelError, match="must be 'rules' or 'model', not 'learned'"):
            default_stance_model()
        bad = tmp_path / "stance.json"
        bad.write_text(json.dumps({"classes": {}}))
        with pytest.raises(StanceModelError, match=r"stance.json: not a talkwatch stance model"):
            load_stance_model(bad)
        bad.write_text(json.dumps({"classes": {"praise": 3}, "bias": {"praise": 0.1}, "weights": {}}))
        with pytest.raises(StanceModelError, match="praise not a stance code of the guide"):
            load_stance_model(bad)
    finally:
        default_stance_model.cache_clear()


@pytest.mark.parametrize(
    ("setting", "sentence"),
    [
        ({"TALKWATCH_STANCE": "learned"}, "TALKWATCH_STANCE must be 'rules' or 'model'"),
        ({"TALKWATCH_ATTRIBUTION": "neural"}, "TALKWATCH_ATTRIBUTION must be one of rules"),
        ({"TALKWATCH_CUE_MODEL": "/nowhere/cues.json"}, "/nowhere/cues.json: not a talkwatch"),
    ],
)
def test_a_bad_model_setting_stops_ingest_with_a_sentence(
    tmp_path: Path, setting: dict[str, str], sentence: str
) -> None:
    from click.testing import CliRunner

    from talkwatch.attribution.learned import default_cue_model
    from talkwatch.cli import cli

    article = tmp_path / "a.txt"
    article.write_text("Dmitry Peskov said Moscow was ready to send a delegation.\n")
    default_stance_model.cache_clear()
    default_cue_model.cache_clear()
    try:
        result = CliRunner(env=setting).invoke(
            cli, ["ingest", str(article), "--db", str(tmp_path / "t.db")]
        )
    finally:
        default_stance_model.cache_clear()
        default_cue_model.cache_clear()
    assert result.exit_code == 1
    assert sentence in result.output and "Traceback" not in result.output
    assert not (tmp_path / "t.db").exists(), "nothing is stored"
