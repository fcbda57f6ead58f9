"""Pass 4: uncued quotations that continue the speaker just quoted.

In a reader-comment thread a quotation continues only a statement of the same
comment (paragraph); one that continues nobody is the commenter's own words
("a reader", who speaks for no side).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..quotes import Quotation
from ..records import Mention, Span
from .direct import DirectQuotes
from .run import Found

MIN_CONTINUATION_WORDS = 6
CONTINUATION_PARAGRAPHS = 2


class Continuations(DirectQuotes):
    """Free-standing quotations credited to the statement before them."""

    def continuations(self, found: list[Found]) -> Iterator[Found]:
        """Free-standing quotations right after a statement continue its speaker."""
        ordered = sorted(found, key=lambda f: f.spans[0].start)
        for q in self.quotations:
            if q in self.used_quotations:
                continue
            parts = [q, *self.uncued_followers(q)]
            if sum(p.words(self.text) for p in parts) < MIN_CONTINUATION_WORDS:
                continue
            previous = self.statement_before(ordered, q)
            if not self.dominates_sentence(parts):
                continue
            if previous is None and self.section_at(q.start) == "comments":
                previous = self.commenter(q)
            if previous is None:
                continue
            self.used_quotations.update(parts)
            continued = Found(
                [Span(p.start, p.end) for p in parts],
                "direct",
                previous.subject,
                previous.cue,
                None,
                previous.mention,
            )
            ordered = sorted([*ordered, continued], key=lambda f: f.spans[0].start)
            yield continued

    def statement_before(self, ordered: list[Found], q: Quotation) -> Found | None:
        earlier = [f for f in ordered if f.spans[-1].end <= q.start and f.subject is not None]
        if not earlier:
            return None
        previous = earlier[-1]
        section = self.section_at(q.start)
        if self.section_at(previous.spans[-1].end) != section:
            return None  # the article's speaker does not go on talking in the comments
        reach = 0 if section == "comments" else CONTINUATION_PARAGRAPHS
        distance = self.paragraph_of(q.start) - self.paragraph_of(previous.spans[-1].end)
        return previous if 0 <= distance <= reach else None

    def commenter(self, q: Quotation) -> Found:
        """A comment's quotation that continues nobody: the commenter's own words."""
        mention = Mention("a reader", Span(q.outer_start, q.outer_start), "descriptor")
        return Found([Span(q.start, q.end)], "direct", None, "write", None, mention)

    def dominates_sentence(self, parts: list[Quotation]) -> bool:
        """The quotations make up most of their sentence: not a phrase quoted in passing."""
        tokens = self.doc.char_span(parts[0].start, parts[0].end, alignment_mode="expand")
        if tokens is None:
            return False
        sentence = tokens[0].sent
        quoted = sum(p.end - p.start for p in parts)
        outside = max(0, sentence.end_char - sentence.start_char - quoted)
        return outside <= max(30, quoted // 2)

    def uncued_followers(self, q: Quotation) -> list[Quotation]:
        parts: list[Quotation] = []
        current = q
        for later in self.quotations:
            if later.start <= current.end or later in self.used_quotations:
                continue
            gap = self.text[current.outer_end : later.outer_start]
            if "\n" in gap or len(gap.split()) > 10 or self.cue_after(later):
                break
            parts.append(later)
            current = later
        return parts
