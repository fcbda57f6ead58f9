"""Issue classification: which negotiation issues a statement is about.

A lexicon per issue (``data/issues.yaml``, extendable by users) finds the
issues a quote names, and keeps the words that decided it as evidence. Where
it finds none and the ``embeddings`` extra is installed, a model on sentence
embeddings (``issue_model``) proposes the issues it is confident of. When a
short quote names no issue (``"another Russian manipulation"``), the words of
its sentence outside the quote are tried, since they usually say what it was
about (``... called the ceasefire proposal "another Russian manipulation"``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .datafiles import DataFileError, read_mapping
from .embeddings import Encoder, default_encoder
from .issue_model import IssueModel, shipped_model
from .records import ISSUES

SHORT_QUOTE_WORDS = 6
OFF = frozenset({"off", "0", "no", "false"})


class IssueFileError(DataFileError):
    """An issue lexicon cannot be used; the message names the file and problem."""


@dataclass(frozen=True)
class IssueResult:
    codes: tuple[str, ...]
    evidence: tuple[str, ...]  # the words that matched, "issue: word"


@dataclass(frozen=True)
class IssueClassifier:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    model: IssueModel | None = None  # with the `embeddings` extra
    encoder: Encoder | None = None

    @classmethod
    def from_lexicon(cls, lexicon: dict[str, list[str]]) -> IssueClassifier:
        return cls(tuple((issue, _pattern(terms)) for issue, terms in lexicon.items() if terms))

    def classify(self, quote: str, sentence: str = "") -> IssueResult:
        (result,) = self.classify_many([(quote, sentence)])
        return result

    def classify_many(self, statements: list[tuple[str, str]]) -> list[IssueResult]:
        """Issues of several (quote, sentence) pairs; the model sees the silent ones at once."""
        found = [self.lexicon(quote, sentence) for quote, sentence in statements]
        silent = [i for i, issues in enumerate(found) if not issues and statements[i][0].strip()]
        proposals = self.confident([statements[i][0] for i in silent])
        for i, confident in zip(silent, proposals, strict=True):
            for issue, probability in confident:
                found[i].setdefault(issue, []).append(f"model {probability:.2f}")
        return [
            IssueResult(
                codes=tuple(issues),
                evidence=tuple(
                    f"{issue}: {word}" for issue, words in issues.items() for word in words
                ),
            )
            for issues in found
        ]

    def lexicon(self, quote: str, sentence: str) -> dict[str, list[str]]:
        """Issues the lexicon finds in the quote, or in the sentence of a short quote."""
        found = self.matches(quote)
        if not found and len(quote.split()) <= SHORT_QUOTE_WORDS:
            found = self.matches(sentence.replace(quote, " "))
        return found

    def confident(self, quotes: list[str]) -> list[list[tuple[str, float]]]:
        """For each quote, the issues the embedding model gives at least its threshold."""
        if self.model is None or self.encoder is None or not quotes:
            return [[] for _ in quotes]
        rows = self.model.probabilities(self.encoder.encode(quotes))
        threshold = self.model.threshold
        return [
            [
                (issue, p)
                for issue, p in zip(self.model.issues, row.tolist(), strict=True)
                if p >= threshold
            ]
            for row in rows
        ]

    def matches(self, text: str) -> dict[str, list[str]]:
        lowered = text.lower().replace("’", "'")
        found: dict[str, list[str]] = {}
        for issue, pattern in self.patterns:
            words = list(dict.fromkeys(m.group(0) for m in pattern.finditer(lowered)))
            if words:
                found[issue] = words
        return found


def _pattern(terms: list[str]) -> re.Pattern[str]:
    alternatives = []
    for term in sorted(terms, key=len, reverse=True):
        escaped = re.escape(term.lower().rstrip("*"))
        alternatives.append(escaped + (r"[\w-]*" if term.endswith("*") else ""))
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w])")


def read_lexicon(source: Any) -> dict[str, list[str]]:
    """An issue lexicon file: a mapping from issue code to a list of terms."""
    try:
        data = read_mapping(source, "an issue lexicon maps issue codes to lists of words")
    except DataFileError as err:
        raise IssueFileError(str(err)) from None
    for issue, terms in data.items():
        if issue not in ISSUES:
            raise IssueFileError(f"{source}: '{issue}' is not an issue code of ANNOTATION.md.")
        if not isinstance(terms, list):
            raise IssueFileError(f"{source}: the terms of '{issue}' must be a list.")
    return {str(k): [str(t) for t in v] for k, v in data.items()}


def model_wanted() -> bool:
    """The embedding model is used when installed, unless TALKWATCH_ISSUE_MODEL=off."""
    return os.environ.get("TALKWATCH_ISSUE_MODEL", "on").strip().lower() not in OFF


def load_issue_classifier(
    extra: Sequence[Path] = (), use_model: bool | None = None
) -> IssueClassifier:
    """The shipped lexicon plus ``extra`` lexicons, and the embedding model when installed.

    ``use_model`` None follows TALKWATCH_ISSUE_MODEL (on by default).
    """
    use_model = model_wanted() if use_model is None else use_model
    lexicon: dict[str, list[str]] = {issue: [] for issue in ISSUES}
    shipped = resources.files("talkwatch").joinpath("data/issues.yaml")
    for source in [shipped, *extra]:
        for issue, terms in read_lexicon(source).items():
            lexicon[issue] += terms
    classifier = IssueClassifier.from_lexicon(lexicon)
    encoder = default_encoder() if use_model else None
    model = shipped_model() if encoder is not None else None
    return replace(classifier, model=model, encoder=encoder if model is not None else None)


@cache
def default_issue_classifier() -> IssueClassifier:
    return load_issue_classifier()
