"""The learned cue model: which verbs report a statement, learned from PolNeAR.

A logistic regression over the parse features of `features.cue_features`,
trained by `scripts/train_attribution.py` on PolNeAR's training split (real
US political news with every attribution annotated). Its weights ship in
`data/attribution_model.json`; nothing is downloaded. Scoring a verb is a sum
of a few dozen weights, so the model adds no measurable time to the parse.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from .features import FEATURE_SETS, object_features

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "attribution_model.json"


@dataclass(frozen=True)
class ObjectModel:
    """Whether a cue verb's direct object is what was said ("stressed the need for talks")
    or a thing ("added a caveat"): a second logistic regression, trained alongside."""

    weights: dict[str, float]
    threshold: float

    def is_content(self, verb: Token, obj: Token) -> bool:
        score = sum(self.weights.get(f, 0.0) for f in object_features(verb, obj))
        return 1.0 / (1.0 + math.exp(-score)) >= self.threshold


@dataclass(frozen=True)
class CueModel:
    weights: dict[str, float]
    threshold: float
    features: str = "parse"
    objects: ObjectModel | None = None  # models written before it have none

    def probability(self, token: Token, quoted: Callable[[Token], bool]) -> float:
        extract = FEATURE_SETS[self.features]
        score = sum(self.weights.get(f, 0.0) for f in extract(token, quoted))
        return 1.0 / (1.0 + math.exp(-score))

    def is_cue(self, token: Token, quoted: Callable[[Token], bool]) -> bool:
        return self.probability(token, quoted) >= self.threshold


class CueModelError(ValueError):
    """A cue model file that cannot be used; the message names the file and the reason."""


def load_cue_model(path: Path) -> CueModel:
    """A cue model written by scripts/train_attribution.py."""
    try:
        data = json.loads(path.read_text("utf-8"))
        features = data.get("features", "parse")
        if features not in FEATURE_SETS:
            raise ValueError(f"unknown feature set {features!r}")
        objects = data.get("objects")
        object_model = (
            ObjectModel(objects["weights"], float(objects["threshold"])) if objects else None
        )
        return CueModel(data["weights"], float(data["threshold"]), features, object_model)
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise CueModelError(f"{path}: not a talkwatch cue model ({err}).") from None


@cache
def default_cue_model() -> CueModel:
    """The model shipped in the package (or $TALKWATCH_CUE_MODEL), loaded once per process."""
    return load_cue_model(Path(os.environ.get("TALKWATCH_CUE_MODEL") or MODEL_FILE))
