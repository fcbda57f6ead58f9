"""The relevance gate: is an article about the negotiation?

General feeds carry everything. An article is analysed when its text names
an issue of the issue lexicon (data/issues.yaml) and a side or an actor of
the knowledge base (data/actors): "ceasefire" and "Kremlin", "security
guarantees" and "Zelensky". A feed added with ``--filter WORDS`` uses its
words instead: an article is relevant when it contains one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .actors import KnowledgeBase, load_knowledge_base
from .actors.knowledge import fold
from .issues import IssueClassifier, load_issue_classifier

MIN_NAME = 4  # shorter aliases ("EU", "UN", "Lula") match too much as plain words


@dataclass(frozen=True)
class Verdict:
    relevant: bool
    reason: str  # the words that decided it, or why none did


@dataclass(frozen=True)
class Gate:
    issues: IssueClassifier
    sides: re.Pattern[str]

    @classmethod
    def load(cls, knowledge: KnowledgeBase | None = None) -> Gate:
        knowledge = knowledge or load_knowledge_base()
        names = {n for n in knowledge.by_name if len(n) >= MIN_NAME}
        names |= {n for n in knowledge.nationalities if len(n) >= MIN_NAME}
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return cls(load_issue_classifier(), re.compile(rf"\b(?:{alternatives})\b"))

    def judge(self, text: str, words: str = "") -> Verdict:
        """Relevant or not, and the evidence, for one article's text."""
        if words.strip():
            return filtered(text, words)
        issues = self.issues.matches(text)
        if not issues:
            return Verdict(False, "names no issue of the negotiation")
        concept = _concept(text, issues)
        if concept is None:  # "Shakhtar Donetsk beat Dynamo Kyiv"
            return Verdict(False, "names places of the war but no issue of the negotiation")
        side = self.sides.search(fold(text, drop_article=False))
        if side is None:
            return Verdict(False, "names no side or actor of the negotiation")
        return Verdict(True, f"{concept[0]}: {concept[1]}; {side.group(0)}")


def _concept(text: str, issues: dict[str, list[str]]) -> tuple[str, str] | None:
    """The first issue and term of ``issues`` written somewhere in lower case: a thing
    ("ceasefire", "borders", "occupied"), not only a name the lexicon also holds
    ("Donetsk", "Crimea"), which sports and weather news name too."""
    for issue, terms in issues.items():
        for term in terms:
            found = re.finditer(rf"\b{re.escape(term)}", text, re.IGNORECASE)
            if any(m.group(0)[:1].islower() for m in found):
                return issue, term
    return None


def filter_words(words: str) -> list[str]:
    """The words of a --filter: separated by commas, or by spaces when there is no comma."""
    parts = words.split(",") if "," in words else words.split()
    return [w.strip().lower() for w in parts if w.strip()]


def filtered(text: str, words: str) -> Verdict:
    lowered = text.lower()
    for word in filter_words(words):
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w])", lowered):
            return Verdict(True, f"filter: {word}")
    return Verdict(False, "contains none of the feed's filter words")
