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
from importlib import resources

from .actors import KnowledgeBase, load_knowledge_base
from .actors.knowledge import fold
from .datafiles import read_mapping
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
    places: tuple[str, ...] = ()  # lexicon terms that name places of the war (relevance.yaml)

    @classmethod
    def load(cls, knowledge: KnowledgeBase | None = None) -> Gate:
        knowledge = knowledge or load_knowledge_base()
        names = {n for n in knowledge.by_name if len(n) >= MIN_NAME}
        names |= {n for n in knowledge.nationalities if len(n) >= MIN_NAME}
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        places = (
            read_mapping(
                resources.files("talkwatch").joinpath("data/relevance.yaml"),
                "relevance.yaml maps 'places' to a list",
            ).get("places")
            or []
        )
        return cls(
            load_issue_classifier(),
            re.compile(rf"\b(?:{alternatives})\b"),
            tuple(str(p).lower() for p in places),
        )

    def is_place(self, found: str) -> bool:
        """Whether a word the issue lexicon found names a place ("donetsk", "crimean")."""
        return any(found.startswith(p[:-1]) if p.endswith("*") else found == p for p in self.places)

    def judge(self, text: str, words: str = "") -> Verdict:
        """Relevant or not, and the evidence, for one article's text."""
        if words.strip():
            return filtered(text, words)
        issues = self.issues.matches(text)
        if not issues:
            return Verdict(False, "names no issue of the negotiation")
        # not places alone: "Shakhtar Donetsk beat Dynamo Kyiv"
        named = [(i, t) for i, terms in issues.items() for t in terms if not self.is_place(t)]
        if not named:
            return Verdict(False, "names places of the war, but no issue of the negotiation")
        side = self.sides.search(fold(text, drop_article=False))
        if side is None:
            return Verdict(False, "names no side or actor of the negotiation")
        issue, found = named[0]
        return Verdict(True, f"{issue}: {found}; {side.group(0)}")


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
