"""Text highlighting and chart geometry, as plain data for the templates to escape."""

from __future__ import annotations

import calendar
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ..analysis import Shift
from ..clean import is_comments_heading
from .labels import plural

STANCE_COLOURS = {
    "demand": "#b2182b",
    "reject": "#e66101",
    "deny": "#7b3294",
    "conditional": "#d4a300",
    "offer": "#2c7fb8",
    "accept": "#1a9850",
    "assess": "#8c8c8c",
}


@dataclass
class Segment:
    text: str
    labels: frozenset[str] = frozenset()
    ids: tuple[int, ...] = ()
    # the segment the page scrolls to: the first highlighted, or the first of the statement
    # a link asked for
    anchor: bool = False


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    label: str
    id: int = 0


def segments(
    text: str, offset: int, marks: list[Mark], focus: int | None = None
) -> list[Segment]:
    """Split ``text`` (which starts at ``offset`` in its document) at every mark boundary;
    the anchor on the first segment of statement ``focus`` when given, else on the first
    highlighted one."""
    end_of_text = offset + len(text)
    inside = [m for m in marks if m.end > offset and m.start < end_of_text and m.end > m.start]
    cuts = sorted(
        {offset, end_of_text}
        | {max(offset, min(end_of_text, p)) for m in inside for p in (m.start, m.end)}
    )
    out: list[Segment] = []
    anchored = False
    for a, b in itertools.pairwise(cuts):
        covering = [m for m in inside if m.start <= a and b <= m.end]
        labels = frozenset(m.label for m in covering)
        ids = tuple(sorted({m.id for m in covering if m.id}))
        seg = Segment(text[a - offset : b - offset], labels, ids)
        if labels and not anchored and (focus is None or focus in ids):
            seg.anchor = anchored = True
        out.append(seg)
    return out


def highlight(text: str | None, term: str | None) -> Markup:
    """``text`` escaped, each occurrence of ``term`` (any case) in ``<mark class="hit">``.

    Matches are found in the raw text and each piece is escaped on its own, then
    marked: a mark never splits an entity and nothing from the text becomes markup.
    """
    text = text or ""
    if not term:
        return escape(text)
    out: list[str] = []
    done = 0
    for found in re.finditer(re.escape(term), text, re.IGNORECASE):
        out.append(escape(text[done : found.start()]))
        out.append(Markup('<mark class="hit">%s</mark>') % text[found.start() : found.end()])
        done = found.end()
    out.append(escape(text[done:]))
    return Markup("").join(out)


def section_views(
    text: str, sections: list[tuple[str, int, int]], marks: list[Mark], focus: int | None = None
) -> list[dict[str, Any]]:
    """Each section of a document (body, then comments) as highlighted segments, the
    page's anchor on statement ``focus`` if given; ``titled`` when the section's own
    first line is its heading ("Reader comments", "12 comments"), which the page then
    shows instead of one of its own."""
    if not sections:
        sections = [("body", 0, len(text))]
    ordered = sorted(sections, key=lambda s: s[1])
    if focus is None:  # one anchor a page: the first section's first highlight
        focus = next((m.id for m in sorted(marks, key=lambda m: m.start) if m.id), None)
    return [
        {
            "name": name,
            "segments": segments(text[start:end], start, marks, focus),
            "titled": name == "comments"
            and is_comments_heading(text[start:end].lstrip().split("\n", 1)[0]),
        }
        for name, start, end in ordered
    ]


@dataclass
class Chart:
    width: int
    height: int
    months: list[dict[str, Any]] = field(default_factory=list)
    lanes: list[dict[str, Any]] = field(default_factory=list)
    dots: list[dict[str, Any]] = field(default_factory=list)
    shifts: list[dict[str, Any]] = field(default_factory=list)
    hidden_lanes: int = 0


LANE_HEIGHT = 34
LEFT = 190
TOP = 30
MAX_LANES = 16


def month_bounds(month: str) -> tuple[str, str]:
    """The first and the last day of a month given as YYYY-MM."""
    year, number = int(month[:4]), int(month[5:7])
    return f"{month}-01", f"{month}-{calendar.monthrange(year, number)[1]:02d}"


def month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out: list[str] = []
    while f"{year:04d}-{month:02d}" <= last and len(out) < 600:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def chart(
    counts: list[tuple[str, str, str, str, int]],
    shifts_of: Callable[[str, str], list[Shift]],
) -> Chart | None:
    """Lanes of (party, issue), one dot per month sized by count, coloured by main stance."""
    counts = [c for c in counts if len(c[2]) == 7 and c[2][4] == "-"]
    if not counts:
        return None
    totals: dict[tuple[str, str], int] = defaultdict(int)
    cells: dict[tuple[str, str, str], dict[str, int]] = defaultdict(dict)
    for party, issue, month, stance, n in counts:
        totals[(party, issue)] += n
        cells[(party, issue, month)][stance] = n
    ordered = sorted(totals, key=lambda k: (-totals[k], k))
    lanes = ordered[:MAX_LANES]
    months = month_range(min(c[2] for c in counts), max(c[2] for c in counts))
    step = max(14, min(60, 900 // max(1, len(months))))
    width = LEFT + step * len(months) + 20
    result = Chart(
        width, TOP + LANE_HEIGHT * len(lanes) + 10, hidden_lanes=len(ordered) - len(lanes)
    )
    index = {m: i for i, m in enumerate(months)}
    label_every = max(1, math.ceil(len(months) / 12))
    for i, m in enumerate(months):
        if i % label_every == 0:
            result.months.append({"x": LEFT + step * i + step // 2, "label": m})
    peak = max(sum(by.values()) for by in cells.values())
    for row, (party, issue) in enumerate(lanes):
        y = TOP + LANE_HEIGHT * row + LANE_HEIGHT // 2
        result.lanes.append(
            {"y": y, "party": party, "issue": issue, "total": totals[(party, issue)]}
        )
        for m in months:
            by = cells.get((party, issue, m))
            if not by:
                continue
            n = sum(by.values())
            main = max(by, key=lambda s: (by[s], s))
            detail = ", ".join(f"{s} {k}" for s, k in sorted(by.items(), key=lambda x: -x[1]))
            since, until = month_bounds(m)
            result.dots.append(
                {
                    "x": LEFT + step * index[m] + step // 2,
                    "y": y,
                    "party": party,
                    "issue": issue,
                    "r": round(3 + 11 * math.sqrt(n / peak), 1),
                    "colour": STANCE_COLOURS.get(main, "#888"),
                    "month": m,
                    "since": since,
                    "until": until,
                    "title": f"{party} · {issue} · {m}: {plural(n, 'statement')} ({detail})",
                }
            )
        by_month: dict[str, list[Shift]] = defaultdict(list)
        for s in shifts_of(party, issue):
            by_month[(s.after.date or "")[:7]].append(s)
        for month, found in by_month.items():
            if month not in index:
                continue
            latest, backs = (
                max(found, key=lambda s: s.after.date or ""),
                sum(s.walk_back for s in found),
            )
            what = (
                f"{plural(len(found), 'shift')}, {plural(backs, 'walk-back')}"
                if len(found) > 1
                else ("walk-back" if backs else "shift")
            )
            result.shifts.append(
                {
                    "x": LEFT + step * index[month] + step // 2,
                    "y": y - 13,
                    "id": latest.after.statement_id,
                    "walk_back": backs > 0,
                    "title": f"{what} in {month}; latest: {latest.before.stance} "
                    f"({latest.before.date}) → {latest.after.stance} ({latest.after.date})",
                }
            )
    return result
