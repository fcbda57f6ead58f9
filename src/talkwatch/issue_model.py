"""A learned issue model on sentence embeddings, to catch what the lexicon misses.

One logistic regression per issue over the 384-dimensional MiniLM embedding of
a quote, trained on the team's own annotations (``annotations/``) by
``scripts/train_issue_model.py``. Its weights and the probability threshold
chosen by cross-validation on those annotations ship in
``data/issue_model.json``. The issue classifier asks the model only about
quotes in which the lexicon finds no issue (in cross-validation that scores as
well as asking it about every quote, at a fraction of the encoder's cost);
without the ``embeddings`` extra the lexicon works alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

MODEL_FILE = "data/issue_model.json"


@dataclass(frozen=True)
class IssueModel:
    issues: tuple[str, ...]
    weights: np.ndarray  # (issues, dimensions)
    bias: np.ndarray  # (issues,)
    threshold: float
    about: dict[str, Any]  # how it was trained and what it scored

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """(texts, issues) probabilities for unit-length embedding vectors."""
        return 1.0 / (1.0 + np.exp(-(vectors @ self.weights.T + self.bias)))

    def to_json(self) -> str:
        return json.dumps(
            {
                "issues": list(self.issues),
                "threshold": self.threshold,
                "bias": [round(float(b), 6) for b in self.bias],
                "weights": [[round(float(w), 6) for w in row] for row in self.weights],
                "about": self.about,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> IssueModel:
        data = json.loads(text)
        return cls(
            issues=tuple(data["issues"]),
            weights=np.array(data["weights"], dtype=np.float32),
            bias=np.array(data["bias"], dtype=np.float32),
            threshold=float(data["threshold"]),
            about=dict(data.get("about") or {}),
        )


def shipped_model() -> IssueModel | None:
    source = resources.files("talkwatch").joinpath(MODEL_FILE)
    return IssueModel.from_json(source.read_text(encoding="utf-8")) if source.is_file() else None


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = 0.0005, steps: int = 1500, rate: float = 4.0
) -> tuple[np.ndarray, float]:
    """Weights and bias of a class-balanced, L2-regularised logistic regression."""
    positives = max(1.0, float(y.sum()))
    negatives = max(1.0, float(len(y) - y.sum()))
    sample_weight = np.where(y > 0, len(y) / (2 * positives), len(y) / (2 * negatives))
    w = np.zeros(x.shape[1])
    b = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        error = (p - y) * sample_weight
        w -= rate * (x.T @ error / len(y) + l2 * w)
        b -= rate * float(error.mean())
    return w, b


def fit(x: np.ndarray, labels: np.ndarray, issues: tuple[str, ...], threshold: float,
        about: dict[str, Any]) -> IssueModel:  # fmt: skip
    """One logistic regression per issue column of ``labels`` (texts x issues, 0/1)."""
    rows = [fit_logistic(x, labels[:, j].astype(float)) for j in range(labels.shape[1])]
    return IssueModel(
        issues=issues,
        weights=np.array([w for w, _ in rows], dtype=np.float32),
        bias=np.array([b for _, b in rows], dtype=np.float32),
        threshold=threshold,
        about=about,
    )
