"""Positions, shifts and issue statuses for the web, cached per state of the database.

``talkwatch.analysis`` works on ``Statement`` records. Loading every stored
statement in full for each page would take seconds at 100,000 statements, so
this loads only the columns the analysis reads, of only the statements that
can count towards a position, and keeps the result until the database changes.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass
from typing import Any

from ..analysis import (
    POSITION_STANCES,
    IssueStatus,
    Position,
    Shift,
    issue_statuses,
    positions,
    shifts,
)
from ..records import Span, Statement
from ..store import Store
from . import queries

SOURCING_LEVEL = {"strong": 4, "named": 3, "anonymous": 2, "single anonymous": 1}


@dataclass(frozen=True)
class Analysis:
    positions: list[Position]
    shifts: list[Shift]  # newest first
    statuses: list[IssueStatus]
    memo: dict[Any, Any] = dataclasses.field(default_factory=dict)

    def shifts_of(self, party: str | None, issue: str | None) -> list[Shift]:
        """Shifts of one side and/or on one issue, newest first."""
        if party is None and issue is None:
            return self.shifts
        key = ("shifts", party, issue)
        if key not in self.memo:
            if "lanes" not in self.memo:
                lanes: dict[tuple[str, str], list[Shift]] = {}
                for s in self.shifts:
                    lanes.setdefault((s.party, s.issue), []).append(s)
                self.memo["lanes"] = lanes
            chosen = [
                found
                for (p, i), found in self.memo["lanes"].items()
                if party in (None, p) and issue in (None, i)
            ]
            merged = [s for found in chosen for s in found]
            self.memo[key] = sorted(merged, key=lambda s: s.after.date or "", reverse=True)
        found: list[Shift] = self.memo[key]
        return found

    def cell(self, party: str, issue: str) -> Position | None:
        for p in self.positions:
            if p.party == party and p.issue == issue:
                return p
        return None


def _position_statements(store: Store) -> list[Statement]:
    marks = ", ".join("?" * len(POSITION_STANCES))
    rows = store.db.execute(
        "SELECT s.id, s.doc_id, d.name, s.quote, s.speaker, s.party, s.source, s.stance, "
        "s.date, s.start, (SELECT group_concat(i.issue, ' ') FROM statement_issues i "
        "WHERE i.statement_id = s.id) FROM statements s JOIN documents d ON d.id = s.doc_id "
        f"WHERE s.party NOT IN ('', 'NONE') AND s.stance IN ({marks})",
        POSITION_STANCES,
    )
    empty = Span(0, 0)
    return [
        Statement(
            id=sid,
            doc_id=doc_id,
            doc=name,
            quote=quote,
            quote_spans=(Span(start, start),),
            speaker=speaker,
            party=party,
            source=source,
            kind="",
            issues=tuple(issues.split()) if issues else (),
            stance=stance,
            section="",
            sentence="",
            sentence_span=empty,
            date=date,
        )
        for sid, doc_id, name, quote, speaker, party, source, stance, date, start, issues in rows
    ]


def compute(store: Store) -> Analysis:
    found = positions(_position_statements(store))
    counts = queries.issue_counts(store)
    statuses = [
        dataclasses.replace(s, statements=counts.get(s.issue, 0)) for s in issue_statuses(found, [])
    ]
    newest = sorted(shifts(found), key=lambda s: s.after.date or "", reverse=True)
    return Analysis(found, newest, statuses)


class AnalysisCache:
    """One Analysis per fingerprint of the database; recomputed when it changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[int, int, int] | None = None
        self._value: Analysis | None = None

    def get(self, store: Store) -> Analysis:
        key = queries.fingerprint(store)
        with self._lock:
            if self._key != key or self._value is None:
                self._value = compute(store)
                self._key = key
            return self._value

    def memo(self, store: Store, key: Any, compute: Any) -> Any:
        """A value computed once per state of the database (aggregates for the pages)."""
        analysis = self.get(store)
        if key not in analysis.memo:
            analysis.memo[key] = compute()
        return analysis.memo[key]


def matrix(analysis: Analysis) -> dict[str, Any]:
    """Rows of the party x issue grid, with each issue's status."""
    parties = sorted({p.party for p in analysis.positions})
    cells = {(p.party, p.issue): p for p in analysis.positions}
    rows = []
    for status in analysis.statuses:
        row = []
        for party in parties:
            p = cells.get((party, status.issue))
            row.append(None if p is None else cell(p))
        rows.append(
            {
                "issue": status.issue,
                "status": status.status,
                "statements": status.statements,
                "cells": row,
            }
        )
    return {"parties": parties, "rows": rows}


def cell(p: Position) -> dict[str, Any]:
    return {
        "party": p.party,
        "issue": p.issue,
        "stance": p.current.stance,
        "date": p.current.date,
        "sourcing": p.sourcing,
        "level": SOURCING_LEVEL[p.sourcing],
        "support": len(p.support),
        "history": len(p.history),
        "documents": len({e.doc_id for e in p.support}),
    }
