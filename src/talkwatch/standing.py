"""Positions kept in the database, recomputed only where new statements touch them.

``Store.add`` marks the (party, issue) pairs of a new document's
position-taking statements as stale, in the document's own transaction.
``refresh`` recomputes just those pairs with the rules of ``analysis`` and
stores the current position and the shifts of each, so ``talkwatch
positions``, ``shifts`` and ``issues`` read a few hundred rows whatever the
size of the corpus, and adding ten documents costs what ten documents touch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .analysis import (
    POSITION_STANCES,
    Evidence,
    Position,
    Shift,
    on_the_issue,
    shifts,
    stance_on,
    stands_for,
    status_of,
    takes_position,
)
from .database import Database
from .records import COUNTED_DOCUMENT, NO_SIDE_SQL, POSITION_SECTION, Statement

# Raise when a change to the rules of `analysis` changes stored positions or shifts.
# 3: only dated statements count towards positions and shifts.
# 4: a shift compares documents by the statement each ends with (the current stance's rule).
# 5: a position recalled from before its text ("had refused") is not a current stance.
# 6: statements in the readers' comments are no evidence of a side's position.
# 7: a document holds what its last named statement says, when it has one.
# 8: (a demand and a refusal were taken for one line; 9 takes that back)
# 9: a demand followed by a refusal is a shift, never a walk-back.
# 10: a walk-back takes back an offer or an acceptance; a refusal turned into an offer
#     is none.
# 11: an offer and an acceptance are one line: no shift between them.
# 12: a conditional statement is a demand on an issue it names only in its condition, a
#     demand conditional on one it names only as coming after it.
# 13: not after "until", nor after a "before" that looks back ("as I said before").
# 14: a condition opened by "only with" or "only under" too.
# 15: a denial that names no issue takes no position on the talks.
# 16: nor one that names the talks beside another issue (their setting).
RULES = 16
_PLACEHOLDERS = ", ".join("?" for _ in POSITION_STANCES)
_STALE = f"""
    INSERT INTO stale_positions (party, issue)
    SELECT DISTINCT s.party, i.issue FROM statements s
    JOIN statement_issues i ON i.statement_id = s.id
    WHERE s.party NOT IN {NO_SIDE_SQL} AND s.stance IN ({_PLACEHOLDERS})
      AND s.section = '{POSITION_SECTION}'{{only}}
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING
"""
_ALL_STALE = _STALE.format(only="")
_DOCUMENT_STALE = _STALE.format(only=" AND s.doc_id = ?")
_EVIDENCE_OF = """
    SELECT s.id, s.date, s.stance, s.speaker, s.source, d.name, s.doc_id, s.quote,
           s.speaker_mention, s.earlier{also}
    FROM statements s
    JOIN statement_issues i ON i.statement_id = s.id
    JOIN documents d ON d.id = s.doc_id
"""
_EVIDENCE = _EVIDENCE_OF.format(also="")
_HISTORY = (
    _EVIDENCE_OF.format(also=", s.issue_evidence")  # the issues' words, to tell a condition's
    + f" WHERE s.party = ? AND i.issue = ? AND s.stance IN ({_PLACEHOLDERS})"
    f" AND s.section = '{POSITION_SECTION}' AND s.date IS NOT NULL AND {COUNTED_DOCUMENT}"
    " ORDER BY s.date, s.doc_id, s.start"
)


@dataclass(frozen=True)
class Standing:
    """The current position of one side on one issue, as stored."""

    party: str
    issue: str
    stance: str
    date: str | None
    statement_id: int
    sourcing: str
    documents: int
    support: tuple[int, ...]  # statement ids behind the current stance
    statements: int  # all position-taking statements of this side on this issue


@dataclass(frozen=True)
class IssueStanding:
    issue: str
    status: str
    positions: tuple[Standing, ...]
    statements: int  # the article's statements on the issue, any side, not readers' comments


def mark_stale(db: Database, statements: Iterable[Statement]) -> None:
    """Note the (party, issue) pairs whose position these new statements may change."""
    keys = {(st.party, issue) for st in statements if takes_position(st) for issue in st.issues}
    # In a fixed order: two ingests marking the same pairs in different orders could
    # each wait for the other's row on a database server (a deadlock).
    db.executemany(
        "INSERT INTO stale_positions (party, issue) VALUES (?, ?) ON CONFLICT DO NOTHING",
        sorted(keys),
    )


def mark_document_stale(db: Database, doc_id: str) -> None:
    """Note the pairs a stored document's statements count towards (before it goes)."""
    db.execute(_DOCUMENT_STALE, (*POSITION_STANCES, doc_id))


def refresh(db: Database) -> int:
    """Recompute the stale pairs in one transaction; returns how many there were.

    When the rules of ``analysis`` have changed since the positions were stored
    (``RULES`` differs from the one in the settings table), every pair is stale.
    The transaction keeps other writers of stale_positions waiting, so a pair
    marked stale by a concurrent ingest is never dropped unrecomputed.
    """
    if _stored_rules(db) != RULES:
        db.execute(_ALL_STALE, POSITION_STANCES)
        db.execute(
            "INSERT INTO settings (name, value) VALUES ('rules', ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (str(RULES),),
        )
    if db.execute("SELECT 1 FROM stale_positions LIMIT 1").fetchone() is None:
        return 0
    db.begin(exclusive_of="stale_positions")
    try:
        stale = db.execute("SELECT party, issue FROM stale_positions").fetchall()
        for party, issue in stale:
            _recompute(db, party, issue)
        db.execute("DELETE FROM stale_positions")
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return len(stale)


def _stored_rules(db: Database) -> int | None:
    row = db.execute("SELECT value FROM settings WHERE name = 'rules'").fetchone()
    return int(row[0]) if row else None


def history(db: Database, party: str, issue: str) -> list[Evidence]:
    """Every dated position-taking statement of one side on one issue, oldest first.

    An undated statement has no place in the order, so it neither sets the
    current stance nor makes a shift (``documents.undated`` counts them apart). Each
    statement takes its stance on the issue (``analysis.stance_on``).
    """
    found = []
    for *row, said in db.execute(_HISTORY, (party, issue, *POSITION_STANCES)):
        evidence, words = Evidence(*row), json.loads(said)
        if not on_the_issue(evidence.stance, issue, words):
            continue
        stance = stance_on(evidence.quote, evidence.stance, issue, words)
        found.append(replace(evidence, stance=stance))
    return found


def position(db: Database, party: str, issue: str) -> Position | None:
    """One side's whole dated history on one issue, or None when it took no position."""
    found = history(db, party, issue)
    return Position(party, issue, tuple(found)) if found else None


def first_held(db: Database, party: str, issue: str) -> Evidence | None:
    """What the side's first text on the issue held (``analysis.stands_for``): the
    first position a watch announces, and what it checks that announcement against."""
    held = position(db, party, issue)
    return stands_for(held.texts[0]) if held is not None and held.texts else None


def _recompute(db: Database, party: str, issue: str) -> None:
    rows = history(db, party, issue)
    db.execute("DELETE FROM positions WHERE party = ? AND issue = ?", (party, issue))
    db.execute("DELETE FROM shifts WHERE party = ? AND issue = ?", (party, issue))
    if not rows:
        return
    position = Position(party, issue, tuple(rows))
    support = position.support
    db.execute(
        "INSERT INTO positions (party, issue, stance, date, statement_id, sourcing, documents, "
        "support, statements) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            party,
            issue,
            position.current.stance,
            position.current.date,
            position.current.statement_id,
            position.sourcing,
            len({e.doc_id for e in support}),
            json.dumps([e.statement_id for e in support]),
            len(rows),
        ),
    )
    db.executemany(
        "INSERT INTO shifts (party, issue, before_id, after_id, date, walk_back, before_stance, "
        "after_stance) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (party, issue, after_id) "
        "DO UPDATE SET before_id = excluded.before_id, date = excluded.date, "
        "walk_back = excluded.walk_back, before_stance = excluded.before_stance, "
        "after_stance = excluded.after_stance",
        [
            (
                party,
                issue,
                s.before.statement_id,
                s.after.statement_id,
                s.after.date,
                int(s.walk_back),
                s.before.stance,
                s.after.stance,
            )
            for s in shifts([position])
        ],
    )


def standings(db: Database) -> list[Standing]:
    """Every side's current position on every issue it took one on."""
    refresh(db)
    rows = db.execute(
        "SELECT party, issue, stance, date, statement_id, sourcing, documents, support, "
        "statements FROM positions ORDER BY party, issue"
    )
    return [
        Standing(party, issue, stance, day, sid, sourcing, docs, tuple(json.loads(ids)), count)
        for party, issue, stance, day, sid, sourcing, docs, ids, count in rows
    ]


def evidence(db: Database, ids: Iterable[int]) -> dict[int, Evidence]:
    """Evidence for statement ids (one query per 500 ids)."""
    wanted = list(dict.fromkeys(ids))
    found: dict[int, Evidence] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in db.execute(_EVIDENCE + f" WHERE s.id IN ({marks})", chunk):
            found[row[0]] = Evidence(*row)
    return found


def stored_shifts(
    db: Database,
    limit: int = -1,
    party: str | None = None,
    issue: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[Shift]:
    """The latest ``limit`` stored changes of stance (all when negative), oldest first;
    of one side, on one issue, or made between two days (the later statement's date),
    when given."""
    refresh(db)
    tests = (("party = ?", party), ("issue = ?", issue), ("date >= ?", since), ("date <= ?", until))
    where = [test for test, value in tests if value]
    params: list[object] = [value for _, value in tests if value]
    sql = (
        "SELECT party, issue, before_id, after_id, before_stance, after_stance FROM shifts"
        + (f" WHERE {' AND '.join(where)}" if where else "")
        + " ORDER BY date DESC, after_id DESC, party DESC, issue DESC"
    )
    if limit >= 0:
        sql += " LIMIT ?"
        params.append(limit)
    rows = db.execute(sql, params).fetchall()
    by_id = evidence(db, [i for row in rows for i in row[2:4]])
    found = [
        Shift(party, issue, on_issue(by_id[b], bs), on_issue(by_id[a], at))
        for party, issue, b, a, bs, at in rows
    ]
    # one statement can shift several issues: party and issue break the tie, in any database
    return sorted(found, key=lambda s: (s.after.date or "", s.after.statement_id, s.party, s.issue))


_SHIFT_OUTLINES = """
    SELECT h.party, h.issue, h.before_id, b.date, coalesce(h.before_stance, b.stance),
           h.after_id, a.date, coalesce(h.after_stance, a.stance)
    FROM shifts h
    JOIN statements b ON b.id = h.before_id
    JOIN statements a ON a.id = h.after_id
"""


def shift_outlines(db: Database) -> list[Shift]:
    """Every stored shift, oldest first, with each side's id, date and stance only.

    Enough to draw, count and filter them; ``with_evidence`` fills in the
    speaker, source, document and quote of the few a page shows. Call it
    after ``refresh`` (as ``standings`` does).
    """
    found = [
        Shift(
            party,
            issue,
            Evidence(before_id, before_date, before_stance, "", "", "", "", ""),
            Evidence(after_id, after_date, after_stance, "", "", "", "", ""),
        )
        for party, issue, before_id, before_date, before_stance, after_id, after_date, after_stance
        in db.execute(_SHIFT_OUTLINES)
    ]  # fmt: skip
    return sorted(found, key=lambda s: (s.after.date or "", s.after.statement_id, s.party, s.issue))


def with_evidence(db: Database, outlines: Iterable[Shift]) -> list[Shift]:
    """The same shifts with the full evidence of both statements."""
    chosen = list(outlines)
    by_id = evidence(db, [e.statement_id for s in chosen for e in (s.before, s.after)])
    return [
        Shift(
            s.party,
            s.issue,
            on_issue(by_id[s.before.statement_id], s.before.stance),
            on_issue(by_id[s.after.statement_id], s.after.stance),
        )
        for s in chosen
    ]


def on_issue(said: Evidence, stance: str | None) -> Evidence:
    """A statement as evidence on one issue: with the stance it takes there (a demand on
    what a conditional statement names only in its condition), where one is stored."""
    return replace(said, stance=stance) if stance else said


def issue_standings(db: Database, stored: list[Standing] | None = None) -> list[IssueStanding]:
    """Converging, contested or open, for every issue a side took a position on.

    ``stored`` is the result of ``standings`` when the caller already has it.
    """
    counts = dict(
        db.execute(
            "SELECT i.issue, count(*) FROM statement_issues i "
            "JOIN statements s ON s.id = i.statement_id JOIN documents d ON d.id = s.doc_id "
            f"WHERE s.section = '{POSITION_SECTION}' AND {COUNTED_DOCUMENT} "
            "GROUP BY i.issue"
        )
    )
    by_issue: dict[str, list[Standing]] = {}
    for standing in standings(db) if stored is None else stored:
        by_issue.setdefault(standing.issue, []).append(standing)
    return [
        IssueStanding(
            issue, status_of([s.stance for s in group]), tuple(group), counts.get(issue, 0)
        )
        for issue, group in sorted(by_issue.items())
    ]
