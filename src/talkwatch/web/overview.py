"""Positions, shifts and issue statuses for the web, cached per state of the database.

They come from the tables ``talkwatch.standing`` keeps up to date as
documents arrive, so the dashboard reads a few hundred rows (and the evidence
behind each current stance) whatever the size of the corpus, and gives the
same answers as ``talkwatch positions``, ``shifts`` and ``issues``. A cell's
full history is loaded only for its evidence page.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..analysis import Evidence, Shift
from ..standing import (
    evidence,
    issue_standings,
    on_issue,
    shift_outlines,
    standings,
    stored_shifts,
    with_evidence,
)
from ..store import Store
from . import queries

SOURCING_LEVEL = {"strong": 4, "named": 3, "anonymous": 2, "single anonymous": 1}


@dataclass(frozen=True)
class StoredPosition:
    """A side's current position as stored: the stance, the evidence behind it, the count."""

    party: str
    issue: str
    current: Evidence
    support: tuple[Evidence, ...]
    sourcing: str
    statements: int  # every position-taking statement of this side on this issue


@dataclass(frozen=True)
class StoredStatus:
    issue: str
    status: str  # converging, contested or open
    positions: tuple[StoredPosition, ...]
    statements: int


@dataclass(frozen=True)
class Analysis:
    positions: list[StoredPosition]
    statuses: list[StoredStatus]
    memo: dict[Any, Any] = dataclasses.field(default_factory=dict)
    _loading: threading.Lock = dataclasses.field(default_factory=threading.Lock, compare=False)

    def shifts(self, store: Store) -> list[Shift]:
        """Every shift as an outline (see standing.shift_outlines), newest first.

        Read on first use (the overview needs only the latest few), once: other
        threads wait for it. Each thread reads with its own ``store``.
        """
        with self._loading:
            if "shifts" not in self.memo:
                self.memo["shifts"] = shift_outlines(store.db)[::-1]
        found: list[Shift] = self.memo["shifts"]
        return found

    def shifts_of(self, store: Store, party: str | None, issue: str | None) -> list[Shift]:
        """Shifts of one side and/or on one issue, newest first."""
        if party is None and issue is None:
            return self.shifts(store)
        key = ("shifts", party, issue)
        if key not in self.memo:
            every = self.shifts(store)
            with self._loading:
                if "lanes" not in self.memo:
                    lanes: dict[tuple[str, str], list[Shift]] = {}
                    for s in every:
                        lanes.setdefault((s.party, s.issue), []).append(s)
                    self.memo["lanes"] = lanes
            chosen = [
                found
                for (p, i), found in self.memo["lanes"].items()
                if party in (None, p) and issue in (None, i)
            ]
            merged = [s for found in chosen for s in found]
            self.memo[key] = sorted(
                merged,
                key=lambda s: (s.after.date or "", s.after.statement_id, s.party, s.issue),
                reverse=True,
            )
        found: list[Shift] = self.memo[key]
        return found

    def cell(self, party: str, issue: str) -> StoredPosition | None:
        for p in self.positions:
            if p.party == party and p.issue == issue:
                return p
        return None


def compute(store: Store) -> Analysis:
    """Read the stored positions, shifts and statuses (refreshing stale ones first)."""
    stored = standings(store.db)
    by_id = evidence(store.db, [i for s in stored for i in (s.statement_id, *s.support)])
    found = [
        StoredPosition(  # each statement as evidence on the issue (standing.on_issue)
            s.party,
            s.issue,
            on_issue(by_id[s.statement_id], s.stance),
            tuple(on_issue(by_id[i], s.stance) for i in s.support),
            s.sourcing,
            s.statements,
        )
        for s in stored
    ]
    cells = {(p.party, p.issue): p for p in found}
    statuses = [  # from the same rows as the positions, so every status has its cells
        StoredStatus(
            i.issue, i.status, tuple(cells[(p.party, p.issue)] for p in i.positions), i.statements
        )
        for i in issue_standings(store.db, stored)
    ]
    return Analysis(found, statuses)


def latest_shifts(store: Store, count: int) -> list[Shift]:
    """The newest ``count`` shifts with their evidence, newest first."""
    return stored_shifts(store.db, count)[::-1]


def shown(store: Store, outlines: list[Shift]) -> list[Shift]:
    """Shifts as a page shows them: with speaker, document and quote."""
    return with_evidence(store.db, outlines)


class AnalysisCache:
    """One Analysis per fingerprint of the database; recomputed when it changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[int, int, str] | None = None
        self._value: Analysis | None = None

    def get(self, store: Store) -> Analysis:
        with self._lock:  # the fingerprint is read inside, so an older one never wins
            key = queries.fingerprint(store)
            if self._key != key or self._value is None:
                self._value = compute(store)
                self._key = key
            return self._value

    def memo(self, store: Store, key: Any, compute: Callable[[Analysis], Any]) -> Any:
        """A value computed once per state of the database (aggregates for the pages).

        ``compute`` gets the analysis the value is kept with, so a value is never
        computed from an older state than the one it is cached under.
        """
        analysis = self.get(store)
        if key not in analysis.memo:
            analysis.memo[key] = compute(analysis)
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


def cell(p: StoredPosition) -> dict[str, Any]:
    return {
        "party": p.party,
        "issue": p.issue,
        "stance": p.current.stance,
        "date": p.current.date,
        "earlier": p.current.earlier,  # recalled from before its text: "before DATE"
        "sourcing": p.sourcing,
        "level": SOURCING_LEVEL[p.sourcing],
        "support": len(p.support),
        "history": p.statements,
        "documents": len({e.doc_id for e in p.support}),
    }
