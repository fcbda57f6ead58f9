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
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
APOSTROPHE = "'"  # a straight single mark: a quotation only where a whole sentence is quoted
MIN_SINGLE_WORDS = 2  # ‘denazification’ alone is a term, not a quotation
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
    """All balanced quotations in ``text``, in order, not nested.

    Double marks first; then single curly marks (‘…’, the British style) outside
    them, where a closing ’ is told from an apostrophe by what follows it.
    """
    doubles = _double_quotations(text)
    return sorted([*doubles, *_single_quotations(text, doubles)], key=lambda q: q.start)


def _single_quotations(text: str, doubles: list[Quotation]) -> list[Quotation]:
    found: list[Quotation] = []
    for start in _single_openers(text):
        if (found and start < found[-1].outer_end) or inside(doubles, start) is not None:
            continue
        end = _single_close(text, start + 1, text[start] == APOSTROPHE)
        if end is None or len(text[start + 1 : end].split()) < MIN_SINGLE_WORDS:
            continue
        if text[start] == APOSTROPHE and _whole_paragraph(text, start, end + 1):
            continue  # a heading or a pull quote ("'Legend in the Coal Fields.'")
        found.append(Quotation(start + 1, end))
    return found


def _whole_paragraph(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone in its paragraph."""
    before, after = text[:start].rstrip(" "), text[end:].lstrip(" ")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


def _single_openers(text: str) -> list[int]:
    """Where single quotations may open: a ‘ not inside a word; a straight ' (British
    copy that lost its curly marks: "'Appeasing bullies never works,' one reader
    warned") only before a capital letter at a paragraph's start or after a space, a
    colon or a dash."""
    openers = []
    for i, char in enumerate(text):
        before = text[i - 1] if i else " "
        if (char == SINGLE_OPEN and not before.isalnum()) or (
            char == APOSTROPHE and _opens_straight(text, i)
        ):
            openers.append(i)
    return openers


def _opens_straight(text: str, i: int) -> bool:
    """A straight ' that may open a quotation: after a space, a colon or a dash, before a
    capital letter."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "(:—–") and after.isupper()


def _single_close(text: str, begin: int, straight: bool = False) -> int | None:
    """The mark that closes a single quotation opened before ``begin``, within its
    paragraph: a ’ after a word; a straight ' only after the end of a sentence or a
    clause ("works,'"), never an apostrophe ("don't", "the leaders' summit")."""
    stop = text.find("\n\n", begin)
    stop = len(text) if stop == -1 else stop
    for i in range(begin, stop):
        if text[i] == SINGLE_OPEN or text[i] in OPENERS or text[i] == STRAIGHT:
            return None  # another quotation opens first: this one was an apostrophe or a typo
        after = text[i + 1] if i + 1 < len(text) else " "
        if straight and text[i] == APOSTROPHE and (
            _opens_straight(text, i) or (text[i - 1].isalpha() and after.isspace())
        ):
            # another opens first, or a phrase's mark closes first ("the 'Big Beautiful
            # Bill' at a rally"): this was a phrase, not a quotation
            return None
        if after.isalnum() or text[i - 1].isspace():
            continue
        if text[i] == SINGLE_CLOSE and not straight:
            return i
        if text[i] == APOSTROPHE and straight and text[i - 1] in ",.!?":
            return i
    return None


def _is_mark(char: str) -> bool:
    return char in OPENERS or char in CLOSERS or char == STRAIGHT


def _closer_opening(text: str, i: int) -> bool:
    """A closing mark where only an opening one can stand: no quotation is open, a word
    follows, and it begins a paragraph or a sentence."""
    return text[i] == "”" and text[i + 1 : i + 2].isalnum() and _starts_sentence(text, i)


def _starts_sentence(text: str, i: int) -> bool:
    """Whether ``text[i]`` begins a paragraph or follows the end of a sentence."""
    before = text[:i].rstrip(" ")
    if not before or before.endswith("\n"):
        return True
    return before[-1] in ".!?:" and len(before) < i  # "... he said. ”We will ..."


def _double_quotations(text: str) -> list[Quotation]:
    found: list[Quotation] = []
    opened: int | None = None
    nested = 0  # quotations open inside the open one: 'the "formula of peace" proposed'
    for i, char in enumerate(text):
        if not _is_mark(char):
            continue
        direction = _direction(text, i)
        if opened is None and _closer_opening(text, i):
            direction = "open"  # copy that opens with the closing mark too: ”We will ...,” he said
        if opened is None:
            if direction == "open":
                opened, nested = i, 0
            continue
        if direction == "close" or (direction == "?" and char == STRAIGHT):
            if nested:
                nested -= 1
                continue
            if _plausible(text, opened, i):
                found.append(Quotation(opened + 1, i))
            opened = None
        elif direction == "open" and _nests(text, opened, i):
            nested += 1
        elif direction == "open" and not _continues_over_paragraph(text, opened, i):
            opened, nested = i, 0  # the earlier mark never closed: start again here
    return found


def _nests(text: str, opened: int, i: int) -> bool:
    """A mark opening inside an open quotation of its paragraph opens a quotation within
    it when the marks left in the paragraph close both (an odd number of them, this one
    counted); else the earlier mark was never closed."""
    if text.rfind("\n", opened, i) != -1:
        return False
    end = text.find("\n", i)
    marks = sum(_is_mark(c) for c in text[i : len(text) if end == -1 else end])
    return marks >= 3 and marks % 2 == 1


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
