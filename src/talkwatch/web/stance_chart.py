"""A party's stance over time on each issue, as geometry for inline SVG (no script).

One small chart per issue on a time axis shared by all the party's issues: a row
per stance it took there (hardest first), a dot per month (per few months over a
long range) and stance sized by the number of statements, a grey line through
each column's most frequent stance, and a diamond where the stored analysis
found shifts.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from ..analysis import Shift
from .render import STANCE_COLOURS, month_bounds, month_range

ORDER = ("demand", "reject", "deny", "conditional", "offer", "accept")  # hardest first
LEFT = 96  # room for the stance names
PLOT = 600
ROW = 18
TOP = 10
AXIS = 22
MAX_TICKS = 8
MAX_COLUMNS = 24


@dataclass
class StanceChart:
    issue: str
    width: int
    height: int
    statements: int  # dated position-taking statements drawn
    assessments: int  # dated assessments, counted but not drawn
    rows: list[dict[str, Any]] = field(default_factory=list)
    ticks: list[dict[str, Any]] = field(default_factory=list)
    dots: list[dict[str, Any]] = field(default_factory=list)
    line: str = ""  # SVG polyline points
    shifts: list[dict[str, Any]] = field(default_factory=list)


def stance_charts(
    party: str,
    counts: list[tuple[str, str, str, int]],
    shifts_of: Callable[[str], list[Shift]],
) -> list[StanceChart]:
    """One chart per issue with a dated position of ``party``, most statements first.

    ``counts`` are (issue, month YYYY-MM, stance, statements); ``shifts_of(issue)``
    gives the party's shifts on an issue.
    """
    counts = [c for c in counts if len(c[1]) == 7 and c[1][4] == "-"]
    drawn = [c for c in counts if c[2] in ORDER]
    if not drawn:
        return []
    months = month_range(min(c[1] for c in drawn), max(c[1] for c in drawn))
    # Columns of one month, or of several when the range is long (at most MAX_COLUMNS).
    span = math.ceil(len(months) / MAX_COLUMNS)
    periods = [months[i : i + span] for i in range(0, len(months), span)]
    period_of = {m: p[0] for p in periods for m in p}
    bounds = {p[0]: (month_bounds(p[0])[0], month_bounds(p[-1])[1]) for p in periods}
    names = {p[0]: p[0] if span == 1 else f"{p[0]} to {p[-1]}" for p in periods}
    step = PLOT / len(periods)
    x_of = {p[0]: round(LEFT + step * (i + 0.5), 1) for i, p in enumerate(periods)}
    every = max(1, math.ceil(len(periods) / MAX_TICKS))
    ticks = [{"x": x_of[p[0]], "label": p[0]} for i, p in enumerate(periods) if i % every == 0]
    summed: dict[tuple[str, str, str], int] = defaultdict(int)
    for issue, month, stance, n in drawn:
        summed[(issue, period_of[month], stance)] += n
    peak = max(summed.values())
    by_issue: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for (issue, period, stance), n in summed.items():
        by_issue[issue].append((period, stance, n))
    assessed: dict[str, int] = defaultdict(int)
    for issue, _, stance, n in counts:
        if stance not in ORDER:
            assessed[issue] += n
    charts = []
    for issue, cells in by_issue.items():
        stances = [s for s in ORDER if any(c[1] == s for c in cells)]
        y_of = {s: TOP + ROW * i + ROW // 2 for i, s in enumerate(stances)}
        height = TOP + ROW * len(stances) + AXIS
        chart = StanceChart(
            issue,
            LEFT + PLOT + 10,
            height,
            sum(c[2] for c in cells),
            assessed.get(issue, 0),
            rows=[{"y": y_of[s], "stance": s} for s in stances],
            ticks=[{**t, "y": height - 6} for t in ticks],
        )
        for period, stance, n in sorted(cells):
            since, until = bounds[period]
            query = {"party": party, "issue": issue, "stance": stance}
            chart.dots.append(
                {
                    "x": x_of[period],
                    "y": y_of[stance],
                    "r": round(2.5 + 5.5 * math.sqrt(n / peak), 1),
                    "colour": STANCE_COLOURS[stance],
                    "title": f"{party} on {issue}, {names[period]}: {n} × {stance}",
                    "href": "/statements?" + urlencode({**query, "since": since, "until": until}),
                }
            )
        chart.line = " ".join(
            f"{x_of[m]},{y_of[main]}" for m, main in _main_stances(cells) if m in x_of
        )
        chart.shifts = _shift_marks(shifts_of(issue), period_of, x_of, y_of)
        charts.append(chart)
    charts.sort(key=lambda c: (-c.statements, c.issue))
    return charts


def _shift_marks(
    found: list[Shift], period_of: dict[str, str], x_of: dict[str, float], y_of: dict[str, int]
) -> list[dict[str, Any]]:
    """One diamond per column with shifts, on the row of the latest shift's new stance."""
    by_month: dict[str, list[Shift]] = defaultdict(list)
    for s in found:
        month = period_of.get((s.after.date or "")[:7], "")
        if month in x_of and s.after.stance in y_of:
            by_month[month].append(s)
    marks = []
    for month, shifts in sorted(by_month.items()):
        latest = max(shifts, key=lambda s: (s.after.date or "", s.after.statement_id))
        backs = sum(s.walk_back for s in shifts)
        what = (
            f"{len(shifts)} shifts ({backs} walk-backs) in {month}; latest"
            if len(shifts) > 1
            else ("walk-back" if backs else "shift")
        )
        marks.append(
            {
                "x": x_of[month],
                "y": y_of[latest.after.stance],
                "id": latest.after.statement_id,
                "walk_back": backs > 0,
                "title": f"{what}: {latest.before.stance} ({latest.before.date}) → "
                f"{latest.after.stance} ({latest.after.date})",
            }
        )
    return marks


def _main_stances(cells: list[tuple[str, str, int]]) -> list[tuple[str, str]]:
    """Each month's most frequent stance (the harder one on a tie), in month order."""
    by_month: dict[str, dict[str, int]] = defaultdict(dict)
    for month, stance, n in cells:
        by_month[month][stance] = n
    return [
        (month, max(found, key=lambda s: (found[s], -ORDER.index(s))))
        for month, found in sorted(by_month.items())
    ]
