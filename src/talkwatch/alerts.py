"""Alerts: the shifts no one has been told about yet, as text, JSON and Atom.

A shift is a side's stance on an issue changing (a walk-back when it
contradicts itself within days); ``standing`` keeps them. ``watch`` asks
``new_shifts`` after each cycle, ``claim``s them (so of several watchers of one
database only one announces each), prints them and posts them to a webhook (a
failed or interrupted post ``release``s them for the next cycle), so each is
announced once across restarts; a watcher killed outright while posting leaves its
claimed shifts counted as announced (docs/deployment.md). A side's first position on
an issue is announced the same way (``new_positions``), and an issue's status
changing by ``status_alerts``.
What is stored before the first watch is taken as known (``start``).
``atom`` (the module) renders them as an Atom feed for ``serve``.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from . import retractions, status_alerts
from .analysis import Evidence, Shift
from .conditions import side_and_issue
from .database import Database
from .feedstore import now
from .ingest import USER_AGENT
from .standing import evidence, first_held, issue_standings, on_issue, refresh

WEBHOOK_TIMEOUT = 10.0
OLD_NEWS_DAYS = 7  # a shift said longer ago than this when announced is old news


class AlertError(Exception):
    """An alert could not be delivered; the message names where and why."""


# Settings that say what a database's watches announce, each set when announcing it
# began: a database watched before an alert existed counts what is stored then as known
# rather than announcing all of it on its first watch since.
ANNOUNCED = ("alerts", "alerts_positions", "alerts_issues")


def start(db: Database) -> None:
    """On the first watch of a database, count what is stored as announced: its shifts,
    positions and issue statuses; and, on the first watch since a kind of alert was
    added, what is stored of that kind."""
    begun = {
        str(name)
        for (name,) in db.execute(
            "SELECT name FROM settings WHERE name IN (?, ?, ?)", ANNOUNCED
        ).fetchall()
    }
    if "alerts" not in begun:
        _announce_all(db, first=True)
    elif len(begun) < len(ANNOUNCED):
        _announce_all(db, kinds=[k for k in ANNOUNCED if k not in begun])


def settle(db: Database) -> None:
    """Count every stored shift as announced, where shifts are announced at all: after
    the documents are analysed again, a shift the new rules find is a correction of the
    record, not news."""
    if _announcing(db):
        _announce_all(db)


def _announcing(db: Database) -> bool:
    return db.execute("SELECT 1 FROM settings WHERE name = 'alerts'").fetchone() is not None


def _announce_all(db: Database, first: bool = False, kinds: Sequence[str] = ANNOUNCED) -> None:
    """What is stored counted as announced: shifts, positions and issue statuses (of
    ``kinds`` only), with the settings that say announcing them has begun (the first,
    'alerts', only when ``first``)."""
    statuses = issue_standings(db)  # refreshes the positions, before the transaction
    db.begin()
    try:
        if "alerts" in kinds:
            retractions.settle(db)  # what is announced reads as the record does now
            db.execute(
                "INSERT INTO shift_alerts (party, issue, after_id, alerted_at, before_stance, "
                "after_stance, said_on) SELECT h.party, h.issue, h.after_id, ?, "
                "coalesce(h.before_stance, b.stance), coalesce(h.after_stance, a.stance), "
                "h.date FROM shifts h JOIN statements b ON b.id = h.before_id "
                "JOIN statements a ON a.id = h.after_id ORDER BY 1, 2, 3 "
                "ON CONFLICT DO NOTHING",
                (now(),),
            )
        if "alerts_positions" in kinds:
            db.execute(
                "INSERT INTO position_alerts (party, issue, alerted_at) "
                "SELECT party, issue, ? FROM positions ORDER BY 1, 2 ON CONFLICT DO NOTHING",
                (now(),),
            )
        if "alerts_issues" in kinds:
            status_alerts.record_all(db, statuses)
        for kind in kinds if first else [k for k in kinds if k != "alerts"]:
            db.execute(
                "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (kind, now()),
            )
        db.commit()
    except BaseException:
        db.rollback()
        raise


def new_shifts(db: Database) -> list[Shift]:
    """Stored shifts not yet announced, oldest first."""
    refresh(db)
    rows = db.execute(
        "SELECT h.party, h.issue, h.before_id, h.after_id, h.before_stance, h.after_stance "
        "FROM shifts h WHERE NOT EXISTS "
        "(SELECT 1 FROM shift_alerts a WHERE a.party = h.party AND a.issue = h.issue "
        "AND a.after_id = h.after_id)"
    ).fetchall()
    return _with_evidence(db, rows)


def claim(db: Database, shifts: list[Shift]) -> list[Shift]:
    """Record ``shifts`` as announced and return those no one else had: of two watchers
    of one database, each shift goes to the one that records it first."""
    keys = [
        (s.party, s.issue, s.after.statement_id, s.before.stance, s.after.stance, s.after.date)
        for s in shifts
    ]
    sql = (
        "INSERT INTO shift_alerts (party, issue, after_id, before_stance, after_stance, "
        "said_on, alerted_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    return [s for s, mine in zip(shifts, _claim(db, sql, keys), strict=True) if mine]


def release(db: Database, shifts: list[Shift]) -> None:
    """Count ``shifts`` as not announced after all (their webhook post failed)."""
    db.executemany(
        "DELETE FROM shift_alerts WHERE party = ? AND issue = ? AND after_id = ?",
        [(s.party, s.issue, s.after.statement_id) for s in shifts],
    )


@dataclass(frozen=True)
class NewPosition:
    """A side's first position on an issue: news, as a change of it is."""

    party: str
    issue: str
    evidence: Evidence


def new_positions(db: Database) -> list[NewPosition]:
    """Stored positions of a (party, issue) not yet announced, oldest first, each with
    the side's first stance on the issue (what its first text held; a shift since then
    is announced as one)."""
    refresh(db)
    rows = db.execute(
        "SELECT p.party, p.issue FROM positions p WHERE NOT EXISTS "
        "(SELECT 1 FROM position_alerts a WHERE a.party = p.party AND a.issue = p.issue)"
    ).fetchall()
    found = []
    for party, issue in rows:
        first = first_held(db, party, issue)
        if first is not None:
            found.append(NewPosition(party, issue, first))
    return sorted(found, key=lambda p: (p.evidence.date or "", p.party, p.issue))


def claim_positions(db: Database, positions: list[NewPosition]) -> list[NewPosition]:
    """As ``claim``, for first positions."""
    keys = [(p.party, p.issue, p.evidence.statement_id, p.evidence.stance) for p in positions]
    sql = (
        "INSERT INTO position_alerts (party, issue, statement_id, stance, alerted_at) "
        "VALUES (?, ?, ?, ?, ?)"
    )
    return [p for p, mine in zip(positions, _claim(db, sql, keys), strict=True) if mine]


def release_positions(db: Database, positions: list[NewPosition]) -> None:
    db.executemany(
        "DELETE FROM position_alerts WHERE party = ? AND issue = ?",
        [(p.party, p.issue) for p in positions],
    )


def _claim(db: Database, insert: str, keys: list[tuple[Any, ...]]) -> list[bool]:
    """Insert each key with the time now, in one transaction; whether each row was new."""
    mine = []
    db.begin()
    try:
        for key in keys:
            inserted = db.execute(insert + " ON CONFLICT DO NOTHING", (*key, now())).rowcount
            mine.append(bool(inserted))
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return mine


def recent_shifts(
    db: Database, party: str | None = None, issue: str | None = None, limit: int = 50
) -> list[tuple[Shift, str | None]]:
    """The latest shifts (of a party, on an issue), newest first, with when each was
    announced (None when no watch has announced it)."""
    refresh(db)
    where, params = side_and_issue(party, issue, "h")
    sql = (
        "SELECT h.party, h.issue, h.before_id, h.after_id, h.before_stance, h.after_stance, "
        "a.alerted_at FROM shifts h "
        "LEFT JOIN shift_alerts a ON a.party = h.party AND a.issue = h.issue "
        "AND a.after_id = h.after_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY h.date DESC, h.after_id DESC, h.party, h.issue LIMIT ?"
    rows = db.execute(sql, [*params, limit]).fetchall()
    announced = {(p, i, a): when for p, i, _, a, _, _, when in rows}
    found = _with_evidence(db, [row[:6] for row in rows])
    found.reverse()
    return [(s, announced[(s.party, s.issue, s.after.statement_id)]) for s in found]


def changed_since(db: Database, since: str) -> tuple[list[Shift], int]:
    """Shifts brought by documents stored after ``since`` (an ISO time), oldest first,
    and how many documents were stored since."""
    refresh(db)
    rows = db.execute(
        "SELECT h.party, h.issue, h.before_id, h.after_id, h.before_stance, h.after_stance "
        "FROM shifts h JOIN statements a ON a.id = h.after_id JOIN documents d ON d.id = a.doc_id "
        "WHERE d.ingested_at >= ?",
        (since,),
    ).fetchall()
    documents = db.execute(
        "SELECT count(*) FROM documents WHERE ingested_at >= ?", (since,)
    ).fetchone()[0]
    return _with_evidence(db, rows), int(documents)


def _with_evidence(db: Database, rows: list[Any]) -> list[Shift]:
    """Shifts of rows (party, issue, before id, after id, before stance, after stance)."""
    by_id = evidence(db, [i for row in rows for i in row[2:4]])
    found = [
        Shift(p, i, on_issue(by_id[b], bs), on_issue(by_id[a], at)) for p, i, b, a, bs, at in rows
    ]
    return sorted(found, key=lambda s: (s.after.date or "", s.after.statement_id, s.party, s.issue))


def old_news(shift: Shift | NewPosition, today: date | None = None) -> bool:
    """Whether the statement that made a shift or a position was said more than
    ``OLD_NEWS_DAYS`` before ``today`` (now): found in an old article (a new feed's
    backlog, an archive), a correction of the record rather than news."""
    said = shift.after.date if isinstance(shift, Shift) else shift.evidence.date
    if not said:
        return False
    return ((today or date.today()) - date.fromisoformat(said)).days > OLD_NEWS_DAYS


def describe_position(position: NewPosition, today: date | None = None) -> str:
    """One line: a side's first position on an issue, when, and who said it."""
    said = position.evidence
    head = f"position {position.party} on {position.issue}: {said.stance}"
    return head + _said_by(said, old_news(position, today))


def _said_by(said: Evidence, old: bool, conceded: bool = False) -> str:
    """" (2025-03-20), Dmitry Peskov in a.txt", marked when it is a concession and when
    it is old news."""
    mark = (" [concession]" if conceded else "") + (" [older news, found now]" if old else "")
    return f" ({said.date or 'undated'}), {said.speaker or 'unnamed'} in {said.doc}{mark}"


def position_json(position: NewPosition) -> dict[str, Any]:
    return {
        "party": position.party,
        "issue": position.issue,
        "stance": position.evidence.stance,
        "date": position.evidence.date,
        "old_news": old_news(position),
        "evidence": asdict(position.evidence),
    }


def describe(shift: Shift, today: date | None = None) -> str:
    """One line: what changed, when, and who said it; marked when it is old news."""
    kind = "walk-back" if shift.walk_back else "shift"
    head = (
        f"{kind} {shift.party} on {shift.issue}: {shift.before.stance} "
        f"({shift.before.date or 'undated'}) -> {shift.after.stance}"
    )
    return head + _said_by(shift.after, old_news(shift, today), shift.concession)


def as_json(shift: Shift) -> dict[str, Any]:
    return {
        "party": shift.party,
        "issue": shift.issue,
        "walk_back": shift.walk_back,
        "concession": shift.concession,
        "date": shift.after.date,
        "old_news": old_news(shift),
        "before": asdict(shift.before),
        "after": asdict(shift.after),
    }


def post_webhook(
    url: str,
    shifts: list[Shift],
    timeout: float = WEBHOOK_TIMEOUT,
    positions: Sequence[NewPosition] = (),
    issues: Sequence[status_alerts.IssueChange] = (),
    withdrawn: Sequence[retractions.Withdrawn] = (),
) -> None:
    """POST ``{"shifts": [...], "positions": [...], "issues": [...], "withdrawn": [...]}``
    as JSON; raises AlertError unless answered 2xx."""
    payload = {
        "shifts": [as_json(s) for s in shifts],
        "positions": [position_json(p) for p in positions],
        "issues": [status_alerts.as_json(c) for c in issues],
        "withdrawn": [retractions.as_json(w) for w in withdrawn],
    }
    body = json.dumps(payload, ensure_ascii=False).encode()
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "User-Agent": USER_AGENT},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read(65536)
    except urllib.error.HTTPError as err:
        raise AlertError(f"{url}: the webhook answered {err.code} {err.reason}.") from None
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise AlertError(f"{url}: the webhook cannot be reached ({reason}).") from None
