"""An issue's status changing is news: "neutrality: contested -> converging".

``standing.issue_standings`` gives every issue's status from the sides' current
stances (open, contested, converging). ``watch`` asks ``new_changes`` after each
cycle for the issues whose status differs from the one last announced (an issue
never announced was open), ``claim``s them as ``alerts`` claims shifts (of
several watchers of one database, one announces each change), prints them and
posts them with the shifts; a failed or interrupted post ``release``s them. The
statuses at the first watch are taken as known (``record_all``, called by
``alerts``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .database import Database
from .feedstore import now
from .standing import IssueStanding, issue_standings

NEVER_ANNOUNCED = "open"  # an issue no watch has announced had fewer than two sides


@dataclass(frozen=True)
class IssueChange:
    """An issue whose status is not the one last announced."""

    before: str
    now: IssueStanding

    @property
    def issue(self) -> str:
        return self.now.issue


def record_all(db: Database, statuses: list[IssueStanding]) -> None:
    """Count ``statuses`` (``standing.issue_standings``, read before the caller's
    transaction) as announced, inside that transaction."""
    for standing in statuses:
        db.execute(
            "INSERT INTO issue_alerts (issue, status, alerted_at) VALUES (?, ?, ?) "
            "ON CONFLICT (issue) DO UPDATE SET status = excluded.status, "
            "alerted_at = excluded.alerted_at",
            (standing.issue, standing.status, now()),
        )


def new_changes(db: Database) -> list[IssueChange]:
    """The issues whose status is not the last announced, in the order of their names."""
    announced = dict(db.execute("SELECT issue, status FROM issue_alerts").fetchall())
    return [
        IssueChange(str(announced.get(s.issue, NEVER_ANNOUNCED)), s)
        for s in issue_standings(db)
        if s.status != announced.get(s.issue, NEVER_ANNOUNCED)
    ]


def claim(db: Database, changes: list[IssueChange]) -> list[IssueChange]:
    """Record ``changes`` as announced and return those no other watcher recorded first:
    each row moves from the status it had to the new one only once."""
    mine = []
    db.begin()
    try:
        for change in changes:
            moved = db.execute(
                "UPDATE issue_alerts SET status = ?, alerted_at = ? WHERE issue = ? AND status = ?",
                (change.now.status, now(), change.issue, change.before),
            ).rowcount
            if not moved and change.before == NEVER_ANNOUNCED:
                moved = db.execute(
                    "INSERT INTO issue_alerts (issue, status, alerted_at) VALUES (?, ?, ?) "
                    "ON CONFLICT DO NOTHING",
                    (change.issue, change.now.status, now()),
                ).rowcount
            mine.append(bool(moved))
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return [change for change, claimed in zip(changes, mine, strict=True) if claimed]


def release(db: Database, changes: list[IssueChange]) -> None:
    """Count ``changes`` as not announced after all (their webhook post failed)."""
    db.executemany(
        "UPDATE issue_alerts SET status = ? WHERE issue = ? AND status = ?",
        [(c.before, c.issue, c.now.status) for c in changes],
    )


def describe(change: IssueChange) -> str:
    """One line: "issue neutrality: contested -> converging (RUS demand, UKR conditional)"."""
    sides = ", ".join(f"{p.party} {p.stance}" for p in change.now.positions)
    return f"issue {change.issue}: {change.before} -> {change.now.status} ({sides})"


def as_json(change: IssueChange) -> dict[str, Any]:
    return {
        "issue": change.issue,
        "before": change.before,
        "status": change.now.status,
        "positions": [
            {k: v for k, v in asdict(p).items() if k in ("party", "stance", "date", "sourcing")}
            for p in change.now.positions
        ],
    }
