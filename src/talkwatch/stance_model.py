"""The learned stance model: naive Bayes over a statement's words, its cue and the rules' verdict.

The rules (``stance``) read the content clause: who is to act, modality,
negation, conditions. On articles nobody read when writing them they are right
about half the time, because news phrases a position in more ways than rules
list. This model is trained by ``scripts/train_stance.py`` on statements of real
articles annotated to the guide (``annotations/real``) and the team's
calibration statements, with the rules' stance among its features, so it
learns when to trust the rules and when the words say otherwise. Its counts
ship in ``data/stance_model.json``; predicting is a sum of a few dozen
logarithms. Out-of-sample figures are in docs/quality.md.

``TALKWATCH_STANCE=rules`` switches it off (the rules alone).
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import pairwise
from pathlib import Path

from .records import STANCES

MODEL_FILE = Path(__file__).resolve().parent / "data" / "stance_model.json"
SMOOTHING = 0.5
RULE_WEIGHT = 3  # the rules' stance counts as three features
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
    """Words and word pairs of the quote, the cue lemma, and the rules' stance."""
    words = WORD.findall(quote.lower().replace("’", "'"))
    found = [f"w:{w}" for w in words] + [f"b:{a}_{b}" for a, b in pairwise(words)]
    return [*found, f"cue:{cue.lower()}", *[f"rule:{rule}"] * RULE_WEIGHT]


@dataclass(frozen=True)
class Example:
    quote: str
    cue: str
    rule: str  # the rules' stance
    stance: str  # the annotated stance


@dataclass(frozen=True)
class StanceModel:
    classes: dict[str, int]  # stance -> training statements
    counts: dict[str, dict[str, int]]  # stance -> feature -> count

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(f for per_class in self.counts.values() for f in per_class)

    @cached_property
    def priors(self) -> dict[str, float]:
        total = sum(self.classes.values())
        return {label: math.log(n / total) for label, n in self.classes.items()}

    @cached_property
    def denominators(self) -> dict[str, float]:
        size = SMOOTHING * len(self.vocabulary)
        return {label: sum(self.counts.get(label, {}).values()) + size for label in self.classes}

    def scores(self, quote: str, cue: str, rule: str) -> dict[str, float]:
        """The log-probability of each stance, up to a constant."""
        features = [f for f in stance_features(quote, cue, rule) if f in self.vocabulary]
        out = {}
        for label in self.classes:
            counts = self.counts.get(label, {})
            denominator = self.denominators[label]
            out[label] = self.priors[label] + sum(
                math.log((counts.get(f, 0) + SMOOTHING) / denominator) for f in features
            )
        return out

    def evidence(self, quote: str, cue: str, rule: str, chosen: str, against: str) -> list[str]:
        """The quote's words that weigh most for ``chosen`` over ``against``, strongest first."""
        weights = {}
        for feature in set(stance_features(quote, cue, rule)) & self.vocabulary:
            words = feature[2:].split("_")
            if not feature.startswith(("w:", "b:")) or all(w in PLAIN for w in words):
                continue
            mine = (self.counts.get(chosen, {}).get(feature, 0) + SMOOTHING) / self.denominators[
                chosen
            ]
            theirs = (
                self.counts.get(against, {}).get(feature, 0) + SMOOTHING
            ) / self.denominators.get(against, 1.0)
            weights[feature] = math.log(mine / theirs)
        best = sorted(weights, key=lambda f: (-weights[f], f))
        return [f[2:].replace("_", " ") for f in best[:3] if weights[f] > 0]

    def predict(self, quote: str, cue: str, rule: str) -> str:
        scores = self.scores(quote, cue, rule)
        return max(sorted(scores), key=lambda label: scores[label])

    def to_json(self) -> dict[str, object]:
        return {
            "about": "talkwatch stance model: naive Bayes over words, cue and the rules' "
            "stance, trained on annotated real articles (scripts/train_stance.py)",
            "classes": self.classes,
            "counts": self.counts,
        }


def train(examples: Iterable[Example]) -> StanceModel:
    classes: Counter[str] = Counter()
    counts: dict[str, Counter[str]] = {}
    for example in examples:
        classes[example.stance] += 1
        counts.setdefault(example.stance, Counter()).update(
            stance_features(example.quote, example.cue, example.rule)
        )
    return StanceModel(
        dict(sorted(classes.items())),
        {label: dict(sorted(c.items())) for label, c in sorted(counts.items())},
    )


class StanceModelError(ValueError):
    """A stance model file that cannot be used; the message names the file and the reason."""


def load_stance_model(path: Path) -> StanceModel:
    try:
        data = json.loads(path.read_text("utf-8"))
        classes = {str(k): int(v) for k, v in data["classes"].items()}
        counts = {
            str(label): {str(f): int(n) for f, n in features.items()}
            for label, features in data["counts"].items()
        }
        if not classes:
            raise ValueError("no classes")
        unknown = sorted(set(classes) - set(STANCES))
        if unknown:
            raise ValueError(f"{', '.join(unknown)} not a stance code of the guide")
        return StanceModel(classes, counts)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise StanceModelError(f"{path}: not a talkwatch stance model ({err}).") from None


@cache
def default_stance_model() -> StanceModel | None:
    """The shipped model (or $TALKWATCH_STANCE_MODEL); None with TALKWATCH_STANCE=rules."""
    mode = os.environ.get("TALKWATCH_STANCE", "model")
    if mode not in ("rules", "model"):
        raise StanceModelError(f"TALKWATCH_STANCE must be 'rules' or 'model', not {mode!r}.")
    if mode == "rules":
        return None
    chosen = os.environ.get("TALKWATCH_STANCE_MODEL")
    if chosen:
        return load_stance_model(Path(chosen))
    return load_stance_model(MODEL_FILE) if MODEL_FILE.exists() else None
