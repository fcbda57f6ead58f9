"""The parties: an index, and a page per party that starts with a summary and charts."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from ..records import NO_SIDE
from ..store import Store
from . import queries
from .context import Context, ctx, not_found
from .pages import page
from .params import check_party
from .stance_chart import StanceChart, stance_charts

router = APIRouter(include_in_schema=False)
WARM = 12  # the pages of this many of the most quoted sides are prepared at start


def party_rows(context: Context, store: Store) -> list[dict[str, Any]]:
    """Each party with its counts, positions and shifts, once per state of the database."""

    def compute(analysis: Any) -> list[dict[str, Any]]:
        positions = Counter(p.party for p in analysis.positions)
        shifts = Counter(s.party for s in analysis.shifts(store))
        return [
            {**row, "positions": positions[row["party"]], "shifts": shifts[row["party"]]}
            for row in queries.party_index(store)
        ]

    found: list[dict[str, Any]] = context.analysis.memo(store, "parties", compute)
    return found


def party_view(
    context: Context, store: Store, party: str
) -> tuple[list[tuple[str, int, list[dict[str, Any]]]], list[StanceChart]]:
    """A party's latest statements per issue and its charts, once per state of the database."""

    def compute(analysis: Any) -> tuple[list[Any], list[StanceChart]]:
        groups = queries.grouped_by_issue(store, "party", party)
        charts = stance_charts(
            party,
            queries.stance_months(store, party),
            lambda issue: analysis.shifts_of(store, party, issue),
        )
        return groups, charts

    found: tuple[list[Any], list[StanceChart]] = context.analysis.memo(
        store, ("party", party), compute
    )
    return found


@router.get("/parties", response_class=HTMLResponse)
def parties_page(request: Request) -> Response:
    context = ctx(request)
    store = context.store()
    found = party_rows(context, store)
    return page(
        request,
        "parties.html",
        parties=[p for p in found if p["party"]],
        unattributed=sum(p["statements"] for p in found if not p["party"]),
    )


@router.get("/parties/{code}", response_class=HTMLResponse)
def party_page(request: Request, code: Annotated[str, Path(max_length=20)]) -> Response:
    problems: list[str] = []
    party = check_party(code, problems) or ""
    context = ctx(request)
    store = context.store()
    groups, charts = party_view(context, store, party) if not problems else ([], [])
    if not groups:
        raise not_found(f"Party '{code}'")
    analysis = context.analysis.get(store)
    row = next(p for p in party_rows(context, store) if p["party"] == party)
    positions = sorted(
        (p for p in analysis.positions if p.party == party), key=lambda p: (-p.statements, p.issue)
    )
    shifts = analysis.shifts_of(store, party, None)
    charted = {c.issue for c in charts}
    return page(
        request,
        "party.html",
        party=party,
        row=row,
        positions=positions,
        shifts=len(shifts),
        walk_backs=sum(s.walk_back for s in shifts),
        charts=charts,
        groups={issue: (count, items) for issue, count, items in groups},
        others=[(issue, count) for issue, count, _ in groups if issue not in charted],
        speakers=queries.actors(context.actors(store), 30, 0, party).items,
        no_side=party in NO_SIDE,
    )
