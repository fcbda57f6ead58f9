"""A shift announced, then taken off the record, is news too: "withdrawn: shift UKR
on ceasefire: offer -> accept (2025-03-21)".

``alerts`` records each shift it announces with its stances and date
(``shift_alerts``). A revised article (stored again in place, or superseded by a
later version), a date set again or a document removed can take a shift off the
record, or make the same statement mark another change. ``watch`` asks
``new_withdrawals`` after each cycle for the announced shifts that are gone or
that now read otherwise, ``claim``s them as ``alerts`` claims shifts (the row leaves
``shift_alerts`` for the log ``shift_withdrawals``, so of several watchers one
announces each, and a shift that now reads otherwise is announced again as a new
one), prints them and posts them with the shifts; a failed post ``release``s them.
``recent`` gives the log to the Atom feed. A side's first position on an issue is
followed the same way (``position_alerts``): when a revision changes the side's first
stance, or takes the position away, it is withdrawn and announced again as it reads.
After the documents are analysed again, or with new rules, what changed is a
correction of the record, not news (``settle``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .conditions import side_and_issue
from .database import Database
from .feedstore import now
from .standing import RULES, first_held, refresh

_CURRENT = (
    "SELECT h.party, h.issue, h.after_id, coalesce(h.before_stance, b.stance), "
    "coalesce(h.after_stance, a.stance), h.date FROM shifts h "
    "JOIN statements b ON b.id = h.before_id JOIN statements a ON a.id = h.after_id"
)
_ANNOUNCED = (
    "SELECT party, issue, after_id, before_stance, after_stance, said_on FROM shift_alerts"
)
_LOGGED = (
    "SELECT party, issue, after_id, before_stance, after_stance, said_on, now_before, "
    "now_after, withdrawn_at, kind FROM shift_withdrawals"
)
# The rules the announced shifts were last read with (``standing.RULES``): when the
# rules change, what they change is a correction of the record, not news.
_RULES_SETTING = "announced_rules"


@dataclass(frozen=True)
class Withdrawn:
    """An announced shift, or first position, that the record no longer holds as
    announced. For a position, ``after`` is the stance announced, ``before`` None, and
    ``now_reads`` the side's first stance now, twice."""

    party: str
    issue: str
    after_id: int  # as stored: negated when the statement is gone (``revisions.retire``)
    before: str | None  # the stances announced (None for shifts announced before 0.10)
    after: str | None
    said_on: str | None
    now_reads: tuple[str, str] | None  # what the statement's shift reads now, if any
    withdrawn_at: str = ""
    kind: str = "shift"  # or "position"


def new_withdrawals(db: Database) -> list[Withdrawn]:
    """The announced shifts gone from the record, or whose statement now marks another
    change, oldest first.

    Not those the rules changed (the first call after an upgrade takes the record as it
    is), nor a shift whose text was removed and stored again unchanged: its announcement
    moves to the statement's new id."""
    refresh(db)
    if _rules_changed(db):
        _take_as_read(db)
        return []
    _follow_stored_again(db)
    current = {(p, i, a): (b, s) for p, i, a, b, s, _ in db.execute(_CURRENT).fetchall()}
    found = _positions_withdrawn(db)
    for party, issue, after_id, before, after, said_on in db.execute(_ANNOUNCED).fetchall():
        now_reads = current.get((party, issue, after_id))
        known = before is not None and after is not None
        if now_reads is None or (known and now_reads != (before, after)):
            found.append(
                Withdrawn(party, issue, int(after_id), before, after, said_on, now_reads)
            )
    return sorted(found, key=lambda w: (w.said_on or "", w.after_id, w.party, w.issue))


def _positions_withdrawn(db: Database) -> list[Withdrawn]:
    """The announced first positions whose statement is gone or now reads otherwise, and
    whose side's first stance on the issue is no longer the one announced; where it is
    (another statement holds it, or one announced before 0.10), the announcement follows
    the statement that holds it now, silently."""
    found = []
    suspects = db.execute(
        "SELECT a.party, a.issue, a.statement_id, a.stance FROM position_alerts a "
        "LEFT JOIN statements s ON s.id = a.statement_id "
        "WHERE a.stance IS NULL OR s.id IS NULL OR s.stance != a.stance"
    ).fetchall()
    for party, issue, sid, stance in suspects:
        first = first_held(db, party, issue)
        if first is not None and stance in (None, first.stance):
            db.execute(
                "UPDATE position_alerts SET statement_id = ?, stance = ? WHERE party = ? "
                "AND issue = ?",
                (first.statement_id, first.stance, party, issue),
            )
        elif stance is None:  # announced before 0.10, gone before read: nothing to say
            db.execute(
                "DELETE FROM position_alerts WHERE party = ? AND issue = ?", (party, issue)
            )
        else:
            reads = (first.stance, first.stance) if first else None
            found.append(
                Withdrawn(party, issue, int(sid or 0), None, stance, None, reads, kind="position")
            )
    return found


def _rules_changed(db: Database) -> bool:
    row = db.execute("SELECT value FROM settings WHERE name = ?", (_RULES_SETTING,)).fetchone()
    return row is None or row[0] != str(RULES)


def _take_as_read(db: Database) -> None:
    """What is announced reads as the record does under the rules now (``settle``)."""
    db.begin()
    try:
        settle(db)
        db.commit()
    except BaseException:
        db.rollback()
        raise


def _follow_stored_again(db: Database) -> None:
    """An announced shift whose statement is gone (its id negated) while the same shift,
    the same stances on the same day, is on the record under a new id not announced:
    the text was removed and stored again; the announcement follows it."""
    current = db.execute(_CURRENT).fetchall()
    announced = db.execute(_ANNOUNCED).fetchall()
    taken = {(p, i, a) for p, i, a, *_ in announced}
    for party, issue, after_id, before, after, said_on in announced:
        if after_id >= 0:
            continue
        same = [
            a for p, i, a, b, s, d in current
            if (p, i) == (party, issue) and (b, s, d) == (before, after, said_on)
            and (p, i, a) not in taken
        ]  # fmt: skip
        if len(same) == 1:
            db.execute(
                "UPDATE shift_alerts SET after_id = ? WHERE party = ? AND issue = ? "
                "AND after_id = ?",
                (same[0], party, issue, after_id),
            )
            taken.add((party, issue, same[0]))


def claim(db: Database, found: list[Withdrawn]) -> list[Withdrawn]:
    """Move ``found`` from the announced shifts to the log of withdrawals, in one
    transaction, and return those no other watcher moved first."""
    mine = []
    when = now()
    db.begin()
    try:
        for w in found:
            # as announced: not a row another watcher announced anew since
            if w.kind == "position":
                moved = db.execute(
                    "DELETE FROM position_alerts WHERE party = ? AND issue = ? "
                    "AND statement_id = ? AND stance = ?",
                    (w.party, w.issue, w.after_id, w.after),
                ).rowcount
            else:
                moved = db.execute(
                    "DELETE FROM shift_alerts WHERE party = ? AND issue = ? AND after_id = ? "
                    "AND coalesce(before_stance, '') = ? AND coalesce(after_stance, '') = ?",
                    (w.party, w.issue, w.after_id, w.before or "", w.after or ""),
                ).rowcount
            if moved:
                now_before, now_after = w.now_reads or (None, None)
                db.execute(
                    "INSERT INTO shift_withdrawals (party, issue, after_id, before_stance, "
                    "after_stance, said_on, now_before, now_after, withdrawn_at, kind) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (w.party, w.issue, w.after_id, w.before, w.after, w.said_on,
                     now_before, now_after, when, w.kind),
                )  # fmt: skip
                mine.append(Withdrawn(**{**w.__dict__, "withdrawn_at": when}))
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return mine


def release(db: Database, found: list[Withdrawn]) -> None:
    """Count ``found`` as announced shifts again (their webhook post failed): they are
    withdrawn after the next cycle."""
    db.begin()
    try:
        for w in found:
            db.execute(
                "DELETE FROM shift_withdrawals WHERE party = ? AND issue = ? AND after_id = ? "
                "AND withdrawn_at = ?",
                (w.party, w.issue, w.after_id, w.withdrawn_at),
            )
            if w.kind == "position":
                db.execute(
                    "INSERT INTO position_alerts (party, issue, statement_id, stance, "
                    "alerted_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (w.party, w.issue, w.after_id, w.after, now()),
                )
                continue
            db.execute(
                "INSERT INTO shift_alerts (party, issue, after_id, before_stance, "
                "after_stance, said_on, alerted_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (w.party, w.issue, w.after_id, w.before, w.after, w.said_on, now()),
            )
        db.commit()
    except BaseException:
        db.rollback()
        raise


def settle(db: Database) -> None:
    """Take the record as it is for the shifts and first positions announced (after a
    new analysis of the documents, or new rules): those gone leave silently, those that
    read otherwise are taken as read now, and the rules they are read with are noted.
    Inside the caller's transaction."""
    db.execute(
        "INSERT INTO settings (name, value) VALUES (?, ?) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (_RULES_SETTING, str(RULES)),
    )
    for party, issue in db.execute("SELECT party, issue FROM position_alerts").fetchall():
        first = first_held(db, party, issue)
        if first is None:
            db.execute(
                "DELETE FROM position_alerts WHERE party = ? AND issue = ?", (party, issue)
            )
        else:
            db.execute(
                "UPDATE position_alerts SET statement_id = ?, stance = ? WHERE party = ? "
                "AND issue = ?",
                (first.statement_id, first.stance, party, issue),
            )
    current = {(p, i, a): (b, s) for p, i, a, b, s, _ in db.execute(_CURRENT).fetchall()}
    for party, issue, after_id in db.execute(
        "SELECT party, issue, after_id FROM shift_alerts"
    ).fetchall():
        reads = current.get((party, issue, after_id))
        if reads is None:
            db.execute(
                "DELETE FROM shift_alerts WHERE party = ? AND issue = ? AND after_id = ?",
                (party, issue, after_id),
            )
        else:
            db.execute(
                "UPDATE shift_alerts SET before_stance = ?, after_stance = ? "
                "WHERE party = ? AND issue = ? AND after_id = ?",
                (*reads, party, issue, after_id),
            )


def describe(w: Withdrawn) -> str:
    """One line: which announced shift or position is withdrawn, and what the record
    says now."""
    if w.kind == "position":
        head = f"withdrawn: position {w.party} on {w.issue}: {w.after}"
        if w.now_reads:
            return head + f"; the side's first stance on it now reads {w.now_reads[0]}"
        return head + "; no statement on the record holds it now (revised or removed)"
    what = f"{w.before} -> {w.after}" if w.before and w.after else "as announced"
    head = f"withdrawn: shift {w.party} on {w.issue}: {what} ({w.said_on or 'undated'})"
    if w.now_reads:
        return head + f"; its statement now reads {w.now_reads[0]} -> {w.now_reads[1]}"
    if w.after_id > 0:  # still stored: the one before it went, or a date moved the order
        return head + (
            "; its statement is still on the record but no longer changes the side's "
            "stance (what came before it was revised, removed or dated anew)"
        )
    return head + "; its statement is no longer on the record (revised or removed)"


def as_json(w: Withdrawn) -> dict[str, Any]:
    return {
        "kind": w.kind,
        "party": w.party,
        "issue": w.issue,
        "statement_id": abs(w.after_id),
        "before": w.before,
        "after": w.after,
        "date": w.said_on,
        "now": list(w.now_reads) if w.now_reads else None,
        "withdrawn_at": w.withdrawn_at,
    }


def recent(
    db: Database, party: str | None = None, issue: str | None = None, limit: int = 50
) -> list[Withdrawn]:
    """The latest withdrawals (of a party, on an issue), newest first."""
    where, params = side_and_issue(party, issue)
    sql = _LOGGED
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY withdrawn_at DESC, after_id DESC LIMIT ?"
    return [_logged(row) for row in db.execute(sql, [*params, limit]).fetchall()]


def withdrawn_since(db: Database, since: str) -> list[str]:
    """What the watch withdrew since ``since`` (an ISO time), oldest first, one line each."""
    sql = _LOGGED + " WHERE withdrawn_at >= ? ORDER BY withdrawn_at, after_id"
    return [describe(_logged(row)) for row in db.execute(sql, (since,)).fetchall()]


def _logged(row: Any) -> Withdrawn:
    """A withdrawal as the log (``_LOGGED``) keeps it."""
    party, issue, after_id, before, after, said_on, now_before, now_after, when, kind = row
    reads = (now_before, now_after) if now_before and now_after else None
    return Withdrawn(party, issue, int(after_id), before, after, said_on, reads, str(when), kind)
