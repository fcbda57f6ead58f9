"""Plain text wrapped at a fixed width, re-flowed into its paragraphs.

A scrape or an e-mailed wire report may break its lines mid-sentence. Where most
short lines stop mid-sentence the text is re-flowed whole: a line that ends a
sentence ends a paragraph (``reflow``). Where blank lines already part the paragraphs
and only the breaks inside them fall mid-sentence, only those are joined
(``rejoin``), so a headline, a byline and a list keep their lines.
"""

from __future__ import annotations

import itertools
import re
import statistics

COMMENTS_HEADING = re.compile(
    r"^(\d+\s+(comments?|responses?|replies|thoughts\s+on\b.*)|(reader\s+)?comments|discussion"
    r"|leave\s+a\s+(reply|comment)|join\s+the\s+(discussion|conversation)"
    r"|what\s+readers\s+(are\s+saying|say))\s*:?$",
    re.IGNORECASE,
)
# a line that ends a sentence: a stop, or a closing quotation mark not after a comma
# ('time to regroup and rearm,"' goes on: 'Kremlin spokesman Dmitry Peskov told ...')
LINE_END = re.compile(r"""[.?!:…;]["”’)\]]*$|(?<!,)["”’]$""")


def is_hard_wrapped(lines: list[str]) -> bool:
    """Short lines that mostly stop mid-sentence: a scrape wrapped at a fixed width."""
    filled = [line for line in lines if line]
    if len(filled) < 8:
        return False
    open_ended = sum(1 for line in filled if not LINE_END.search(line))
    median = statistics.median(len(line) for line in filled)
    return median <= 80 and open_ended / len(filled) >= 0.4


def wrapped_inside_paragraphs(lines: list[str]) -> bool:
    """Blank lines part the paragraphs, and at least half the line breaks inside them
    fall mid-sentence ("Merz said Europe must provide Ukraine with" / "robust security
    guarantees"). A headline over a standfirst, or one paragraph a line, breaks at a
    sentence's end or before a capital."""
    if "" not in lines:
        return False
    inside = [(a, b) for a, b in itertools.pairwise(lines) if a and b]
    mid = [a for a, b in inside if _mid_sentence(a, b)]
    return bool(mid) and 2 * len(mid) >= len(inside)


def rejoin(lines: list[str]) -> list[str]:
    """The paragraphs of a text wrapped inside its blank-line paragraphs: a line that ends
    no sentence goes on into the next, but for a headline or a byline standing alone
    ("Peace talks stall in Istanbul" / "By Jane Smith, Reuters") and the lines of a
    list."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line, following in itertools.zip_longest(lines, lines[1:], fillvalue=""):
        if not line:
            _flush(current, paragraphs)
            continue
        current.append(line)
        apart = LINE_END.search(line) or _standing_alone(line) or _standing_alone(following)
        if not following or (apart and not _mid_sentence(line, following)):
            _flush(current, paragraphs)
    _flush(current, paragraphs)
    return paragraphs


def _standing_alone(line: str) -> bool:
    """A headline, a byline or a list's item: its own line however it ends."""
    words = line.split()
    if not words:
        return False
    capitals = sum(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3)
    long_words = sum(1 for w in words if w.isalpha() and len(w) > 3)
    headline = len(words) <= 10 and long_words > 0 and capitals == long_words
    return headline or words[0] in ("By", "-", "*", "•") or line[:2] in ("- ", "* ")


def _mid_sentence(line: str, following: str) -> bool:
    """A break inside a sentence: after a comma, or before a word in lower case."""
    return not LINE_END.search(line) and (
        following[:1].islower() or line.rstrip('"”’').endswith(",")
    )


def reflow(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs; sentence-final lines end one."""
    paragraphs: list[str] = []
    current: list[str] = []
    joined = " ".join(lines)
    comments = False  # below a "Comments" heading, a commenter's name is a line of its own
    for i, line in enumerate(lines):
        if not line:
            _flush(current, paragraphs)
            continue
        heading = not current and COMMENTS_HEADING.match(line) is not None
        comments = comments or heading
        label = comments and _is_label(line)
        if not current and (_is_caption(line, lines, i, joined) or label or heading):
            paragraphs.append(line)
            continue
        current.append(line)
        if LINE_END.search(line):
            _flush(current, paragraphs)
    _flush(current, paragraphs)
    return paragraphs


def _flush(current: list[str], paragraphs: list[str]) -> None:
    if current:
        paragraphs.append(" ".join(current))
        current.clear()


def _is_label(line: str) -> bool:
    """A line of a word or two with no sentence end where a paragraph would start: a
    commenter's name ("PeaceNow", "Ivan_K") above the comment."""
    return (
        len(line.split()) <= 2
        and line[:1].isalnum()
        and not LINE_END.search(line)
        and len(line) <= 30
    )


def _is_caption(line: str, lines: list[str], i: int, joined: str) -> bool:
    """A short name-like line standing alone that repeats a name from the text (a caption)."""
    words = line.split()
    following = lines[i + 1] if i + 1 < len(lines) else ""
    return (
        1 < len(words) <= 4
        and joined.count(line) >= 2
        and all(w[:1].isupper() for w in words)
        and not LINE_END.search(line)
        and following[:1].isupper()
    )
