"""Dates: a document's date from its text or name, and a statement's own date.

A document is dated by the first of these that gives a date: the date given
at ingest (``--date`` or ``documents set-date``), page metadata, the feed
entry that linked it, its web address (``/2025/03/14/``), a dateline or
"Published ..." line near the top, a date in the file name. The source is
kept with the date. A statement takes the document's date unless its
sentence dates it ("on February 7", "on 14 March", "on Sunday").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypeGuard

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_FIRST = re.compile(
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b", re.I
)
_DAY_FIRST = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b", re.I
)
_ISO = re.compile(r"\b(?P<year>20\d\d|19\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_COMPACT = re.compile(r"(?<!\d)(?P<year>20\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?!\d)")
# in a file name: "2025-12-22_wire.txt", "wire_2025_12_22.txt", "2025.12.22 Kyiv.md" (one
# separator throughout, no digit either side)
_IN_NAME = re.compile(
    r"(?<!\d)(?P<year>20\d\d|19\d\d)(?P<sep>[-_.])(?P<month>[01]\d)(?P=sep)(?P<day>[0-3]\d)(?!\d)"
)
_IN_URL = re.compile(
    r"(?<!\d)(?P<year>20\d\d|19\d\d)[/_-](?P<month>[01]?\d)[/_-](?P<day>[0-3]?\d)(?!\d)"
)
_YESTERDAY = re.compile(r"\byesterday\b", re.I)
_ON_WEEKDAY = re.compile(r"\bon\s+(?P<weekday>" + "|".join(WEEKDAYS) + r")\b(?!['’]s)", re.I)
# the wire's "said Thursday", "told reporters Thursday", "Peskov Thursday said": a day
# without "on" dates only next to the saying (not "ahead of the Thursday summit")
_SAYING = r"(?:said|says|told|tells|added|announced|stated|wrote|noted|stressed|warned|declared)"
# the words between: "told reporters Thursday", not "said next Thursday", "from Thursday"
_GAP = r"(?:(?!(?:next|from|until|till|by|before|after|ahead|this|every|since)\b)[\w'-]+\s+)"
_SAID_WEEKDAY = re.compile(
    rf"\b{_SAYING}\s+{_GAP}{{0,2}}(?P<weekday>{'|'.join(WEEKDAYS)})\b(?!['’]s)"
    rf"|\b(?P<before>{'|'.join(WEEKDAYS)})\s+{_SAYING}\b",
    re.I,
)
_ON_DATE = re.compile(
    r"\bon\s+(?:"
    + _MONTH_FIRST.pattern
    + "|"
    + _DAY_FIRST.pattern.replace("(?P<day>", "(?P<day2>")
    .replace("(?P<month>", "(?P<month2>")
    .replace("(?P<year>", "(?P<year2>")
    + ")",
    re.I,
)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_match(match: re.Match[str], default_year: int | None = None) -> date | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    month_text = groups.get("month") or groups.get("month2") or ""
    month = (
        int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower().rstrip("."), 0)
    )
    day = int(groups.get("day") or groups.get("day2") or 0)
    year_text = groups.get("year") or groups.get("year2")
    year = int(year_text) if year_text else default_year
    if not (year and month and day):
        return None
    return _make(year, month, day)


def date_in_text(text: str) -> str | None:
    """The first full date (with a year) in a piece of text, as ISO 8601."""
    candidates = []
    for pattern in (_ISO, _MONTH_FIRST, _DAY_FIRST):
        for match in pattern.finditer(text):
            found = _from_match(match)
            if found is not None:
                candidates.append((match.start(), found))
                break
    return min(candidates)[1].isoformat() if candidates else None


def document_date(text: str, name: str, known: str | None = None) -> str | None:
    """The document's date: given, or from its dateline, or from its file name."""
    return dated(text, name, given=known)[0]


def dated(
    text: str,
    name: str,
    given: str | None = None,
    metadata: str | None = None,
    feed: str | None = None,
    url: str = "",
) -> tuple[str | None, str]:
    """The document's date and where it came from, the first source that gives one.

    Sources, in order: ``given``, ``metadata``, ``feed``, ``url``, ``dateline``,
    ``file name``; an undated document gets ``(None, "")``.
    """
    for source, value in (("given", given), ("metadata", metadata), ("feed", feed)):
        if value and (day := _valid(value)) and (source == "given" or _published(day)):
            if source == "metadata" and day in _dateline_dates(text[:300]):
                # the page extractor reads a date off the text too: where the dateline
                # says the same, say the dateline
                source = "dateline"
            return day, source
    if url.startswith(("http://", "https://")) and _published(day := date_in_url(url)):
        return day, "url"
    found = date_in_text(text[:300])
    if _published(found):
        return found, "dateline"
    match = _IN_NAME.search(name) or _COMPACT.search(name)
    in_name = _from_match(match) if match else None
    named = in_name.isoformat() if in_name else None
    return (named, "file name") if _published(named) else (None, "")


def _published(day: str | None) -> TypeGuard[str]:
    """Whether ``day`` can be a publication date: not after tomorrow (a day ahead for
    time zones). A later one found in a text or a name ("talks set for December 30, 2026",
    "2027-05-05_talks.txt") is no date the report was published on, as ``--date`` and
    ``documents set-date`` refuse it."""
    return day is not None and day <= (date.today() + timedelta(days=1)).isoformat()


_BEFORE_DASH = re.compile(r"^(.{4,120}?)\s[—–-]{1,2}\s", re.MULTILINE)


def _dateline_dates(text: str) -> set[str]:
    """Dates of the lines that open with a dateline: the words before a dash
    ("KYIV, November 22, 2026 (Talk News) — ...")."""
    return {day for m in _BEFORE_DASH.finditer(text) if (day := date_in_text(m.group(1)))}


def date_in_url(url: str) -> str | None:
    """A date in a web address's path: /2025/03/14/, /2025-03-14-, /20250314."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1].partition("/")[2]
    for pattern in (_IN_URL, _COMPACT):
        for match in pattern.finditer(path):
            found = _from_match(match)
            if found is not None:
                return found.isoformat()
    return None


def _valid(value: str) -> str | None:
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def statement_date(
    sentence: str, document: str | None, said: Sequence[Sequence[int]] = (), at: int = 0
) -> str | None:
    """A date the sentence gives to what was said, else the document's date. ``said``
    are the spans of the reported words, as offsets in the text whose offset ``at`` the
    sentence starts at: a day inside them is when something they speak of happens
    ("Rubio said he would meet Sybiha on Friday"), not when it was said, so only the
    words around them are read; spans outside the sentence change nothing."""
    if document is None:
        return None
    for start, end in said:  # spans of other sentences are left out
        start, end = max(0, start - at), min(len(sentence), end - at)
        if start < end:
            sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    anchor = date.fromisoformat(document)
    match = _ON_DATE.search(sentence)
    found = _from_match(match, default_year=anchor.year) if match else None
    if match and found is not None and found > anchor:
        # a day after the article: last year's ("on December 30" in January), unless it
        # is near enough to be the day of something to come ("the talks on June 2", in an
        # article of 29 May), which is not when anything was said
        yearless = not (match.group("year") or match.group("year2"))
        found = _make(found.year - 1, found.month, found.day) if yearless else None
        if found is not None and (anchor - found).days > 183:
            found = None
    if found is not None:
        return found.isoformat()
    if _YESTERDAY.search(sentence):
        return (anchor - timedelta(days=1)).isoformat()
    weekday = _ON_WEEKDAY.search(sentence)
    spoken = _SAID_WEEKDAY.search(sentence)
    day_name = weekday["weekday"] if weekday else spoken and (spoken["weekday"] or spoken["before"])
    if day_name:
        target = WEEKDAYS.index(day_name.lower())
        back = (anchor.weekday() - target) % 7
        return (anchor - timedelta(days=back)).isoformat()
    return document


def why_not_a_date(value: str) -> str:
    """What is wrong with a value given as YYYY-MM-DD that is not a date, in words."""
    shaped = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if shaped is None:
        return "write it as YYYY-MM-DD."
    year, month, day = (int(n) for n in shaped.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month}."
    days = calendar.monthrange(year, month)[1] if year else 31
    if not 1 <= day <= days:
        return f"{calendar.month_name[month]} {year} has {days} days."
    return "write it as YYYY-MM-DD."
