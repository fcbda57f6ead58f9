"""A party's stance over time on each issue, as geometry for inline SVG (no script).

One small chart per issue on a time axis shared by all the party's issues: a row
per stance it took there (hardest first), a dot per month and stance sized by
the number of statements, a grey line through each month's most frequent
stance, and a diamond where the stored analysis found a shift.
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
    step = PLOT / len(months)
    x_of = {m: round(LEFT + step * (i + 0.5), 1) for i, m in enumerate(months)}
    every = max(1, math.ceil(len(months) / MAX_TICKS))
    ticks = [{"x": x_of[m], "label": m} for i, m in enumerate(months) if i % every == 0]
    peak = max(c[3] for c in drawn)
    by_issue: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for issue, month, stance, n in drawn:
        by_issue[issue].append((month, stance, n))
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
        for month, stance, n in sorted(cells):
            since, until = month_bounds(month)
            query = {"party": party, "issue": issue, "stance": stance}
            chart.dots.append(
                {
                    "x": x_of[month],
                    "y": y_of[stance],
                    "r": round(2.5 + 5.5 * math.sqrt(n / peak), 1),
                    "colour": STANCE_COLOURS[stance],
                    "title": f"{party} on {issue}, {month}: {n} × {stance}",
                    "href": "/statements?" + urlencode({**query, "since": since, "until": until}),
                }
            )
        chart.line = " ".join(
            f"{x_of[m]},{y_of[main]}" for m, main in _main_stances(cells) if m in x_of
        )
        for s in shifts_of(issue):
            month = (s.after.date or "")[:7]
            if month in x_of and s.after.stance in y_of:
                chart.shifts.append(
                    {
                        "x": x_of[month],
                        "y": y_of[s.after.stance],
                        "id": s.after.statement_id,
                        "walk_back": s.walk_back,
                        "title": f"{'walk-back' if s.walk_back else 'shift'}: "
                        f"{s.before.stance} ({s.before.date}) → {s.after.stance} ({s.after.date})",
                    }
                )
        charts.append(chart)
    charts.sort(key=lambda c: (-c.statements, c.issue))
    return charts


def _main_stances(cells: list[tuple[str, str, int]]) -> list[tuple[str, str]]:
    """Each month's most frequent stance (the harder one on a tie), in month order."""
    by_month: dict[str, dict[str, int]] = defaultdict(dict)
    for month, stance, n in cells:
        by_month[month][stance] = n
    return [
        (month, max(found, key=lambda s: (found[s], -ORDER.index(s))))
        for month, found in sorted(by_month.items())
    ]
