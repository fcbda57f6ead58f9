"""Cut a very long document into parts that are parsed one at a time.

spaCy refuses texts over ``nlp.max_length`` and its parser's memory, like the
attribution rules' time, grows faster than the text. A document longer than
``PART_CHARS`` is therefore analysed in parts cut at paragraph breaks (or, for
a paragraph longer than that, at a sentence end or a space); the attributions
of each part are shifted back into the document's offsets. A stretch of
``SENTENCE_CHARS`` with no sentence end or line break is cut too. Ordinary articles
are far shorter and come out as one part, so nothing changes for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain

from .records import Attribution, Mention, Span

PART_CHARS = 50_000
SENTENCE_CHARS = 5_000

# Each pattern's group is the whitespace a part ends before and the next starts after.
_PARAGRAPH_BREAK = re.compile(r"(\n\s*\n)")
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*(\s+)")
_SPACE = re.compile(r"(\s+)")
_STOP = re.compile(r"[.!?…\n]")


@dataclass(frozen=True)
class Part:
    """``[start, end)`` of a document's text, parsed on its own."""

    start: int
    end: int
    last: bool

    def sections(self, sections: Iterable[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """The document's sections clipped to this part, in the part's offsets."""
        clipped = []
        for name, start, end in sections:
            if start < self.end and end > self.start:
                clipped.append(
                    (name, max(start, self.start) - self.start, min(end, self.end) - self.start)
                )
        return clipped


def split(text: str, limit: int = PART_CHARS) -> list[Part]:
    """Parts of at most ``limit`` characters covering the text; one part for short texts."""
    bounds = [b for start, end in _segments(text) for b in _bounds(text, start, end, limit)]
    return [Part(a, b, i == len(bounds) - 1) for i, (a, b) in enumerate(bounds)]


def _segments(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of text, also cut where ``SENTENCE_CHARS`` pass with no sentence end.

    No sentence in news runs that long; without the cut, the parser would make
    one sentence of it and the rules, which look across a sentence, would slow
    to a crawl.
    """
    start = last_stop = 0
    for match in chain(_STOP.finditer(text), [None]):
        position = match.start() if match else len(text)
        while position - last_stop > SENTENCE_CHARS:
            cut, resume = _cut(text, last_stop, last_stop + SENTENCE_CHARS)
            yield start, cut
            start = last_stop = resume
        last_stop = position
    yield start, len(text)


def _bounds(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    while end - start > limit:
        cut, resume = _cut(text, start, start + limit)
        yield start, cut
        start = resume
    yield start, end


def _cut(text: str, start: int, stop: int) -> tuple[int, int]:
    """Where to end a part begun at ``start`` (at most ``stop``) and where the next begins."""
    floor = start + (stop - start) // 2  # never make a part shorter than half the limit
    for pattern in (_PARAGRAPH_BREAK, _SENTENCE_END, _SPACE):
        last = None
        for match in pattern.finditer(text, floor, stop):
            last = match
        if last is not None:
            return last.start(1), last.end(1)
    return stop, stop


def shift(found: Attribution, offset: int) -> Attribution:
    """An attribution found in a part, in the offsets of the whole document."""
    if offset == 0:
        return found
    return replace(
        found,
        quote_spans=tuple(_span(s, offset) for s in found.quote_spans),
        speaker=_mention(found.speaker, offset),
        cue_span=None if found.cue_span is None else _span(found.cue_span, offset),
        sentence_span=_span(found.sentence_span, offset),
    )


def _span(span: Span, offset: int) -> Span:
    return Span(span.start + offset, span.end + offset)


def _mention(mention: Mention, offset: int) -> Mention:
    antecedent = mention.antecedent
    return replace(
        mention,
        span=_span(mention.span, offset),
        antecedent=None if antecedent is None else _mention(antecedent, offset),
    )
