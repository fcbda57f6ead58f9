"""`talkwatch report --html`: one self-contained HTML file (styles inline, no links out)."""

from __future__ import annotations

from datetime import datetime, timezone

from ..store import Store
from . import overview, queries, render
from .context import STATIC, templates
from .queries import Filters


def html_report(store: Store) -> str:
    analysis = overview.compute(store)
    template = templates().env.get_template("report.html")
    return template.render(
        inline_css=(STATIC / "style.css").read_text(encoding="utf-8"),
        summary=queries.summary(store),
        matrix=overview.matrix(analysis),
        chart=render.chart(
            queries.timeline_counts(store, Filters()),
            lambda party, issue: analysis.shifts_of(store, party, issue),
        ),
        shifts=overview.shown(store, analysis.shifts(store)),
        positions=sorted(analysis.positions, key=lambda p: (p.issue, p.party)),
        written=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )
