"""Points listed after a cue: "Umerov named three results of the meeting:" and a list.

A sentence that ends in a colon, followed by lines that open with a list marker
("- ", "• ", "1. "), introduces those items. When the sentence reports someone's
words ("said the meeting had three results:"), the items complete them; when it
names a speaker listing points ("named three results:", "set out the
conditions:"), the items are what was said. The list ends at the first line with
words and no marker; each item is a part of the words, without its marker.
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
        for each list introduced by a speaker listing points. Each item is a part of the
        statement's words, as the parts of a split quotation are."""
        out = list(found)
        for colon in COLON_AT_END.finditer(self.text):
            items = self.items_after(colon.end())
            tokens = self.tokens_between(colon.start(), colon.start() + 1)
            if not items or not tokens:
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
                    last.spans += items
                continue
            listing = self.listing_verb(sentence.root)
            subject = self.subject_of(listing) if listing is not None else None
            if listing is not None and subject is not None:
                kind, spans = self.kind_of(Span(items[0].start, items[-1].end))
                spans = spans if kind == "direct" else items
                out.append(Found(spans, kind, subject, listing.lemma_.lower(), listing))
        return out

    def items_after(self, offset: int) -> list[Span]:
        """The list items in the lines right after ``offset``, without their markers and
        closing punctuation; none when the next line with words is no list item."""
        items: list[Span] = []
        at = offset
        while at < len(self.text):
            end = self.text.find("\n", at)
            end = len(self.text) if end < 0 else end
            line = self.text[at:end]
            if line.strip():
                marker = ITEM.match(line)
                if marker is None:
                    break
                item = self.trimmed(at + marker.end(), end)
                if item is not None:
                    items.append(item)
            at = end + 1
        return items

    def listing_verb(self, verb: Token) -> Token | None:
        """The sentence's main verb when it lists points: a cue verb or a verb of listing
        with an object ("named three results", "set out the conditions") and a subject."""
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or self.in_quotation(verb) or not self.is_actual(verb):
            return None
        if not any(c.dep_ == "dobj" for c in verb.children):
            return None
        return verb if lemma in LISTING or self.is_reporting(verb) else None
