"""Issue classification: which negotiation issues a statement is about.

A lexicon per issue (``data/issues.yaml``, extendable by users) finds the
issues a quote names, and keeps the words that decided it as evidence. When a
quote names no issue (``"another Russian manipulation"``), the words of its
sentence outside the quote are tried, since they usually say what it was about
(``... called the ceasefire proposal "another Russian manipulation"``).

In an article about the negotiation itself (one that names the talks, by the
words of ``data/talks_article.yaml``, at least ``TALKS_ARTICLE`` times and once
per ``WORDS_PER_MENTION`` words), a statement that names no issue is about the
talks: in coverage of the talks, "progress has been made" or "the sides were
constructive" is about their progress. Its evidence says so. The decision is
made once per document. Measured on real articles in docs/quality.md.
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
from .records import ISSUES

TALKS_ARTICLE = 2  # mentions of the talks that make an article about them
WORDS_PER_MENTION = 500  # ... and at least one mention per this many words
TALKS_BY_DEFAULT = "talks: (no issue named, in an article about the talks)"


class IssueFileError(DataFileError):
    """An issue lexicon cannot be used; the message names the file and problem."""


@dataclass(frozen=True)
class IssueResult:
    codes: tuple[str, ...]
    evidence: tuple[str, ...]  # the words that matched, "issue: word"


@dataclass(frozen=True)
class IssueClassifier:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    talks_article: re.Pattern[str] | None = None  # words that name the talks themselves

    @classmethod
    def from_lexicon(
        cls, lexicon: dict[str, list[str]], talks_words: Sequence[str] = ()
    ) -> IssueClassifier:
        return cls(
            tuple((issue, _pattern(terms)) for issue, terms in lexicon.items() if terms),
            _pattern(list(talks_words)) if talks_words else None,
        )

    def classify(self, quote: str, sentence: str = "") -> IssueResult:
        issues = self.lexicon(quote, sentence)
        return IssueResult(
            codes=tuple(issues),
            evidence=tuple(f"{issue}: {word}" for issue, words in issues.items() for word in words),
        )

    def classify_many(
        self, statements: list[tuple[str, str]], about_talks: bool = False
    ) -> list[IssueResult]:
        """Issues of several (quote, sentence) pairs of one article; ``about_talks`` as
        ``about_talks`` judged that article."""
        found = [self.classify(quote, sentence) for quote, sentence in statements]
        if not about_talks:
            return found
        talks = IssueResult(("talks",), (TALKS_BY_DEFAULT,))
        return [r if r.codes else talks for r in found]

    def about_talks(self, article: str) -> bool:
        """Whether an article names the negotiation itself often enough to be about it."""
        if self.talks_article is None:
            return False
        needed = max(TALKS_ARTICLE, len(article.split()) / WORDS_PER_MENTION)
        lowered = article.lower().replace("’", "'")
        return any(i + 1 >= needed for i, _ in enumerate(self.talks_article.finditer(lowered)))

    def lexicon(self, quote: str, sentence: str) -> dict[str, list[str]]:
        """Issues the lexicon finds in the quote, else in the rest of its sentence."""
        found = self.matches(quote)
        if not found:
            found = self.matches(sentence.replace(quote, " "))
        return found

    def matches(self, text: str) -> dict[str, list[str]]:
        lowered = text.lower().replace("’", "'")
        found: dict[str, list[str]] = {}
        for issue, pattern in self.patterns:
            words = list(dict.fromkeys(m.group(0) for m in pattern.finditer(lowered)))
            if words:
                found[issue] = words
        return found


def _pattern(terms: list[str]) -> re.Pattern[str]:
    """One pattern for a list of terms; a * ends a word with any ending ("end* the fighting")
    and a * on its own stands for exactly one word ("refrain* from * force")."""
    alternatives = []
    for term in sorted(terms, key=len, reverse=True):
        words = [re.escape(w.rstrip("*")) + (r"[\w-]*" if w.endswith("*") else "")
                 for w in term.lower().split()]  # fmt: skip
        alternatives.append(r"\s+".join(words))
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


def load_issue_classifier(extra: Sequence[Path] = ()) -> IssueClassifier:
    """The shipped lexicon plus ``extra`` lexicons."""
    lexicon: dict[str, list[str]] = {issue: [] for issue in ISSUES}
    shipped = resources.files("talkwatch").joinpath("data/issues.yaml")
    for source in [shipped, *extra]:
        for issue, terms in read_lexicon(source).items():
            lexicon[issue] += terms
    talks = read_mapping(
        resources.files("talkwatch").joinpath("data/talks_article.yaml"),
        "a mapping with the words that name the talks under 'words'",
    )
    return IssueClassifier.from_lexicon(lexicon, [str(w) for w in talks.get("words") or []])


@cache
def default_issue_classifier() -> IssueClassifier:
    return load_issue_classifier()
