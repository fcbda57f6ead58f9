"""The learned stance model: a logistic regression over a statement's words, its cue and
the rules' verdict.

The rules (``stance``) read the content clause: who is to act, modality,
negation, conditions. On articles nobody read when writing them they are right
about two times in three, because news phrases a position in more ways than
rules list. This model is trained by ``scripts/train_stance.py`` on statements
of real articles annotated to the guide (``annotations/real``) and the team's
calibration statements, with the rules' stance among its features, so it
learns when to trust the rules and when the words say otherwise. It is a
multinomial logistic regression (L2-regularised, fitted by full-batch Adagrad
from zero, so a rebuild gives the same weights); its weights ship in
``data/stance_model.json`` and predicting is a sum of a few dozen numbers per
stance. Out-of-sample figures are in docs/quality.md.

It is off by default: ``TALKWATCH_STANCE=model`` switches it on (or
``TALKWATCH_STANCE_MODEL=FILE``, a model of one's own).
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from .records import STANCES

MODEL_FILE = Path(__file__).resolve().parent / "data" / "stance_model.json"
C = 0.3  # inverse strength of the L2 penalty, per statement (as in scikit-learn)
EPOCHS = 300
LEARNING_RATE = 0.2
SMALLEST = 0.05  # weights nearer zero than this are not shipped
WORD = re.compile(r"[a-z']+")
# Words too common to explain a decision (they still count in it).
PLAIN = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "is", "are",
     "was", "were", "be", "been", "being", "it", "that", "this", "these", "those", "as", "by",
     "with", "from", "has", "have", "had", "its", "their", "his", "her", "which", "who", "we",
     "he", "she", "they", "i", "you", "our", "my", "your", "them", "him", "us", "also", "too",
     "so", "there", "then", "than", "do", "does", "did", "said", "says", "about", "into",
     "after", "before", "over", "more", "most", "very", "just", "what", "when", "where", "how"]
)  # fmt: skip


def stance_features(quote: str, cue: str, rule: str) -> list[str]:
    """The quote's words and word pairs, the cue lemma and the rules' stance, each once."""
    words = WORD.findall(quote.lower().replace("’", "'"))
    found = {f"w:{w}" for w in words} | {f"b:{a}_{b}" for a, b in pairwise(words)}
    return sorted(found | {f"cue:{cue.lower()}", f"rule:{rule}"})


@dataclass(frozen=True)
class Example:
    quote: str
    cue: str
    rule: str  # the rules' stance
    stance: str  # the annotated stance


@dataclass(frozen=True)
class StanceModel:
    classes: dict[str, int]  # stance -> training statements
    bias: dict[str, float]  # stance -> intercept
    weights: dict[str, dict[str, float]]  # feature -> stance -> weight

    def scores(self, quote: str, cue: str, rule: str) -> dict[str, float]:
        """Each stance's score (a log-probability up to a constant)."""
        out = dict(self.bias)
        for feature in stance_features(quote, cue, rule):
            for label, weight in self.weights.get(feature, {}).items():
                out[label] += weight
        return out

    def evidence(self, quote: str, cue: str, rule: str, chosen: str, against: str) -> list[str]:
        """The quote's words that weigh most for ``chosen`` over ``against``, strongest first."""
        weights = {}
        for feature in stance_features(quote, cue, rule):
            words = feature[2:].split("_")
            if not feature.startswith(("w:", "b:")) or all(w in PLAIN for w in words):
                continue
            per_class = self.weights.get(feature, {})
            weights[feature] = per_class.get(chosen, 0.0) - per_class.get(against, 0.0)
        best = sorted(weights, key=lambda f: (-weights[f], f))
        return [f[2:].replace("_", " ") for f in best[:3] if weights[f] > 0]

    def predict(self, quote: str, cue: str, rule: str) -> str:
        scores = self.scores(quote, cue, rule)
        return max(sorted(scores), key=lambda label: scores[label])

    def to_json(self) -> dict[str, object]:
        return {
            "about": "talkwatch stance model: logistic regression over words, cue and the "
            "rules' stance, trained on annotated real articles (scripts/train_stance.py)",
            "classes": self.classes,
            "bias": self.bias,
            "weights": self.weights,
        }


def train(examples: Iterable[Example]) -> StanceModel:
    """Fit the model to annotated examples: the same examples give the same weights."""
    import numpy as np  # only training needs it

    items = list(examples)
    classes = Counter(e.stance for e in items)
    labels = sorted(classes)
    rows = [stance_features(e.quote, e.cue, e.rule) for e in items]
    features = sorted({f for row in rows for f in row})
    index = {f: i for i, f in enumerate(features)}
    n, k = len(items), len(labels)
    flat = np.array([index[f] for row in rows for f in row], dtype=np.int64)
    owner = np.repeat(np.arange(n), [len(row) for row in rows])
    truth = np.zeros((n, k))
    truth[np.arange(n), [labels.index(e.stance) for e in items]] = 1.0
    weights, bias = np.zeros((len(features), k)), np.zeros(k)
    seen_w, seen_b = np.zeros_like(weights), np.zeros_like(bias)
    penalty = 1.0 / (C * n)
    for _ in range(EPOCHS):
        scores = np.zeros((n, k))
        np.add.at(scores, owner, weights[flat])
        scores += bias
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        error = (probs - truth) / n
        grad_w = np.zeros_like(weights)
        np.add.at(grad_w, flat, error[owner])
        grad_w += penalty * weights
        grad_b = error.sum(axis=0)
        seen_w += grad_w**2
        seen_b += grad_b**2
        weights -= LEARNING_RATE * grad_w / (np.sqrt(seen_w) + 1e-8)
        bias -= LEARNING_RATE * grad_b / (np.sqrt(seen_b) + 1e-8)
    kept = {
        feature: {
            label: round(float(w), 4)
            for label, w in zip(labels, row, strict=True)
            if abs(w) >= SMALLEST
        }
        for feature, row in zip(features, weights, strict=True)
    }
    return StanceModel(
        {label: classes[label] for label in labels},
        {label: round(float(b), 4) for label, b in zip(labels, bias, strict=True)},
        {feature: per_class for feature, per_class in kept.items() if per_class},
    )


class StanceModelError(ValueError):
    """A stance model file that cannot be used; the message names the file and the reason."""


def load_stance_model(path: Path) -> StanceModel:
    try:
        data = json.loads(path.read_text("utf-8"))
        classes = {str(k): int(v) for k, v in data["classes"].items()}
        if not classes:
            raise ValueError("no classes")
        unknown = sorted(set(classes) - set(STANCES))
        if unknown:
            raise ValueError(f"{', '.join(unknown)} not a stance code of the guide")
        bias = {str(label): float(data["bias"][label]) for label in classes}
        weights = {
            str(feature): {str(label): float(w) for label, w in per_class.items()}
            for feature, per_class in data["weights"].items()
        }
        stray = {label for per_class in weights.values() for label in per_class} - set(classes)
        if stray:
            raise ValueError(f"weights for {', '.join(sorted(stray))}, not one of its classes")
        return StanceModel(classes, bias, weights)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise StanceModelError(f"{path}: not a talkwatch stance model ({err}).") from None


@cache
def default_stance_model() -> StanceModel | None:
    """The model to weigh the rules with: the shipped one with TALKWATCH_STANCE=model, the
    file $TALKWATCH_STANCE_MODEL names when set; None (the rules alone) by default.

    The rules are the default because out of sample the model only ties them (pooled
    over 1,199 statements it was not trained on, 812 right against 810; docs/quality.md), and
    the rules' reasons name the words and rule that decided."""
    chosen = os.environ.get("TALKWATCH_STANCE_MODEL")
    mode = os.environ.get("TALKWATCH_STANCE", "model" if chosen else "rules")
    if mode not in ("rules", "model"):
        raise StanceModelError(f"TALKWATCH_STANCE must be 'rules' or 'model', not {mode!r}.")
    if mode == "rules":
        return None
    if chosen:
        return load_stance_model(Path(chosen))
    return load_stance_model(MODEL_FILE) if MODEL_FILE.exists() else None
