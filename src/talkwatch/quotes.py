"""Find quotations: pairs of opening and closing double quotation marks.

Curly marks say which way they face; straight marks are judged by the
characters around them. A quotation may run over several paragraphs (the
English convention re-opens each paragraph without closing the previous one);
a mark that never closes is dropped rather than swallowing the document.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
MAX_PARAGRAPHS = 6


@dataclass(frozen=True)
class Quotation:
    """``start``/``end`` delimit the content; the marks sit just outside it."""

    start: int
    end: int

    @property
    def outer_start(self) -> int:
        return self.start - 1

    @property
    def outer_end(self) -> int:
        return self.end + 1

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def _direction(text: str, i: int) -> str:
    """'open', 'close' or '?' for the quotation mark at ``i``."""
    char = text[i]
    if char in OPENERS:
        return "open"
    if char in CLOSERS:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return "?"


def find_quotations(text: str) -> list[Quotation]:
    """All balanced quotations in ``text``, in order, not nested."""
    found: list[Quotation] = []
    opened: int | None = None
    for i, char in enumerate(text):
        if char not in OPENERS and char not in CLOSERS and char != STRAIGHT:
            continue
        direction = _direction(text, i)
        if opened is None:
            if direction == "open":
                opened = i
            continue
        if direction == "close" or (direction == "?" and char == STRAIGHT):
            if _plausible(text, opened, i):
                found.append(Quotation(opened + 1, i))
            opened = None
        elif direction == "open" and not _continues_over_paragraph(text, opened, i):
            opened = i  # the earlier mark never closed: start again here
    return found


def _continues_over_paragraph(text: str, opened: int, i: int) -> bool:
    """An opening mark that starts a paragraph continues a multi-paragraph quote."""
    return text.rfind("\n", opened, i) != -1 and (i == 0 or text[i - 1] == "\n")


def _plausible(text: str, opened: int, closed: int) -> bool:
    content = text[opened + 1 : closed]
    return bool(content.strip()) and content.count("\n\n") < MAX_PARAGRAPHS


def inside(quotations: list[Quotation], offset: int) -> Quotation | None:
    """The quotation whose marks enclose ``offset``, if any."""
    for quotation in quotations:
        if quotation.outer_start <= offset < quotation.outer_end:
            return quotation
        if quotation.outer_start > offset:
            break
    return None
