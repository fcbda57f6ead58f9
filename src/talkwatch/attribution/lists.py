"""Points listed after a cue: "Umerov named three results of the meeting:" and a list.

A sentence that ends in a colon, followed by paragraphs that open with a list
marker ("- ", "• ", "1. "), introduces those items. When the sentence reports
someone's words ("said the meeting had three results:"), the items complete
them; when it names a speaker listing points ("named three results:", "set out
the conditions:"), the items are what was said. The list ends at the first
paragraph without a marker.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..records import Span
from .run import Found
from .speakers import Speakers

COLON_AT_END = re.compile(r":[ \t]*(?=\n)")
ITEM = re.compile(r"(?:[-•*▪●◦–—]|\d{1,2}[.)]|[a-z][.)])[ \t]+")
# Verbs that list points when their object is what the list spells out.
LISTING = frozenset(
    ["name", "list", "outline", "set", "identify", "enumerate", "detail", "present", "give",
     "specify", "lay", "describe", "summarise", "summarize", "cite", "highlight"]
)  # fmt: skip


class ListedPoints(Speakers):
    """Statements whose words are the items of a list after a colon."""

    def listed_points(self, found: list[Found]) -> list[Found]:
        """``found`` with lists joined to the statements they complete, and a statement
        for each list introduced by a speaker listing points."""
        out = list(found)
        for colon in COLON_AT_END.finditer(self.text):
            items = self.items_after(colon.end())
            tokens = self.tokens_between(colon.start(), colon.start() + 1)
            if items is None or not tokens:
                continue
            sentence = tokens[0].sent
            cued = [
                f
                for f in out
                if f.cue_token is not None and sentence.start <= f.cue_token.i < sentence.end
            ]
            if cued:
                last = max(cued, key=lambda f: f.spans[-1].end)
                between = self.text[last.spans[-1].end : colon.start()]
                if not between.strip(" :”\"'’") and last.kind != "direct":
                    last.spans[-1] = Span(last.spans[-1].start, items.end)
                continue
            listing = self.listing_verb(sentence.root)
            if listing is not None:
                subject = self.subject_of(listing)
                if subject is not None:
                    kind, spans = self.kind_of(items)
                    out.append(Found(spans, kind, subject, listing.lemma_.lower(), listing))
        return out

    def items_after(self, offset: int) -> Span | None:
        """The list items in the paragraphs right after ``offset``, their markers left out
        of the first; None when the next paragraph is no list item."""
        rest = self.text[offset:]
        start = end = -1
        position = offset
        for paragraph in rest.split("\n"):
            at = position
            position += len(paragraph) + 1
            if not paragraph.strip():
                continue
            marker = ITEM.match(paragraph)
            if marker is None:
                break
            if start < 0:
                start = at + marker.end()
            end = at + len(paragraph.rstrip(" .;,"))
        return self.trimmed(start, end) if start >= 0 else None

    def listing_verb(self, verb: Token) -> Token | None:
        """The sentence's main verb when it lists points: a cue verb or a verb of listing
        with an object ("named three results", "set out the conditions") and a subject."""
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or self.in_quotation(verb) or not self.is_actual(verb):
            return None
        if not any(c.dep_ == "dobj" for c in verb.children):
            return None
        return verb if lemma in LISTING or self.is_reporting(verb) else None
