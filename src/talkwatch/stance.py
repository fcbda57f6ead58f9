"""Stance classification: demand, offer, accept, reject, conditional, deny, assess.

Rules in ``data/stance.yaml`` decide, in this order: a condition in the quote
("only if", "unless", "agreed ... but there are nuances") makes it
conditional; otherwise a stance verb as the cue (rejected, demanded,
proposed, agreed, denied) gives its stance; otherwise the quote's own wording,
with negation and modality ("won't concede", "ready for negotiations", "does
not intend to"); otherwise assess. The reason kept with each result names the
rule and the words that fired, so a user can see why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .datafiles import DataFileError, read_mapping
from .records import STANCES

CONTENT_ORDER = ("conditional", "deny", "reject", "demand", "accept", "offer")
RULE_GROUPS = ("threat", *CONTENT_ORDER)
QUESTION_ORDER = ("deny", "reject")  # a question demands or offers nothing by its modals


class StanceFileError(DataFileError):
    """A stance rule file cannot be used; the message names the file and problem."""


@dataclass(frozen=True)
class StanceResult:
    stance: str
    reason: str


@dataclass(frozen=True)
class StanceClassifier:
    content: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    cues: dict[str, str]  # cue lemma -> stance

    def classify(
        self, quote: str, cue: str = "", sentence: str = "", kind: str = ""
    ) -> StanceResult:
        text = quote.replace("’", "'")
        threat = self.first_match(text, ("threat",))
        if threat:
            return StanceResult("demand", f"threat with a condition: {threat.reason}")
        conditional = self.first_match(text, ("conditional",))
        if conditional:
            return conditional
        cue_stance = self.cues.get(cue.lower())
        if cue_stance:
            return StanceResult(cue_stance, f"cue verb '{cue}'")
        question = text.rstrip(' ,."”').endswith("?")
        found = self.first_match(text, QUESTION_ORDER if question else CONTENT_ORDER)
        return found or StanceResult(
            "assess", "no demand, offer, acceptance or refusal in the words"
        )

    def first_match(self, text: str, order: Sequence[str]) -> StanceResult | None:
        for stance, patterns in self.content:
            if stance not in order:
                continue
            for pattern in patterns:
                match = pattern.search(text)
                if match:
                    return StanceResult(stance, f"words '{match.group(0)}'")
        return None


def read_rules(source: Any) -> dict[str, Any]:
    try:
        data = read_mapping(source, "a stance file maps 'content' and 'cues' to stances")
    except DataFileError as err:
        raise StanceFileError(str(err)) from None
    for section in ("content", "cues"):
        for stance in data.get(section) or {}:
            if stance not in STANCES and stance != "threat":
                raise StanceFileError(f"{source}: '{stance}' under {section} is not a stance code.")
    return data


def load_stance_classifier(extra: Sequence[Path] = ()) -> StanceClassifier:
    content: dict[str, list[re.Pattern[str]]] = {group: [] for group in RULE_GROUPS}
    cues: dict[str, str] = {}
    shipped = resources.files("talkwatch").joinpath("data/stance.yaml")
    for source in [shipped, *extra]:
        rules = read_rules(source)
        for stance, patterns in (rules.get("content") or {}).items():
            for pattern in patterns:
                try:
                    content.setdefault(stance, []).append(re.compile(pattern, re.IGNORECASE))
                except re.error as err:
                    raise StanceFileError(f"{source}: bad pattern '{pattern}' ({err}).") from None
        for stance, lemmas in (rules.get("cues") or {}).items():
            cues.update({str(lemma).lower(): stance for lemma in lemmas})
    ordered = tuple((group, tuple(content[group])) for group in RULE_GROUPS)
    return StanceClassifier(ordered, cues)


@cache
def default_stance_classifier() -> StanceClassifier:
    return load_stance_classifier()
