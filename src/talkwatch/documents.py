"""Stored documents: list them, find one, correct its date, remove it.

Correcting a document's date re-dates its statements (a sentence that
dates itself, "on Sunday", is read against the new date) and marks the
positions they take part in as stale, in one transaction; ``standing.refresh``
then recomputes exactly those positions and shifts.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .analysis import POSITION_STANCES
from .conditions import documents_named
from .database import Database
from .dates import statement_date
from .records import NO_SIDE_SQL, POSITION_SECTION, has_side
from .revisions import retire
from .standing import refresh

SET_BY_USER = "set"


class DocumentNotFound(LookupError):
    """No stored document, or more than one, answers to what the user typed."""


@dataclass(frozen=True)
class DocumentRow:
    """One stored document as `talkwatch documents` lists it (no text)."""

    id: str
    name: str
    url: str
    title: str
    date: str | None
    date_source: str
    site: str
    feed: str  # the name of the watched feed that brought it, if one did
    statements: int
    ingested_at: str
    # the id of a later text of another input that revises it ("" if none): its statements
    # count towards no position (``revisions.supersede``)
    superseded_by: str = ""


@dataclass(frozen=True)
class Undated:
    """Position-taking statements without a date, and the documents they are in."""

    statements: int
    documents: int

    def note(self) -> str:
        """One sentence for the command line and the pages; empty when all are dated."""
        if not self.statements:
            return ""
        s = "s" * (self.statements != 1)
        d = "s" * (self.documents != 1)
        return (
            f"{self.statements} position-taking statement{s} in {self.documents} undated "
            f"document{d} {'are' if s else 'is'} not counted: list them with "
            "'talkwatch documents --undated' and date them with "
            "'talkwatch documents set-date ID YYYY-MM-DD'."
        )


_LIST = """
    SELECT d.id, d.name, d.url, d.title, d.date, d.date_source, d.site,
           coalesce((SELECT min(f.name) FROM articles a JOIN feeds f ON f.id = a.feed_id
                     WHERE a.doc_id = d.id), ''),
           (SELECT count(*) FROM statements s WHERE s.doc_id = d.id), d.ingested_at,
           coalesce(d.superseded_by, '')
    FROM documents d
"""


def list_documents(db: Database, undated_only: bool = False, limit: int = -1) -> list[DocumentRow]:
    """Stored documents, oldest first by date, undated ones last."""
    sql = _LIST + (" WHERE d.date IS NULL" if undated_only else "")
    sql += " ORDER BY d.date IS NULL, d.date, d.rowid"
    rows = db.execute(sql + " LIMIT ?", (limit,)) if limit >= 0 else db.execute(sql)
    return [DocumentRow(*row) for row in rows]


def find_document(db: Database, key: str) -> DocumentRow:
    """The one document whose name, URL or path is ``key``, else the one whose id or
    name, or a part of whose URL's path, starts with it (as ``--doc`` reads it)."""
    key = key.strip()
    if not key:
        raise DocumentNotFound("no document given; name one by its id, name or URL.")
    ids, params = documents_named(key)
    rows = db.execute(_LIST + f" WHERE d.id IN ({ids}) LIMIT 3", params).fetchall()
    if not rows:
        raise DocumentNotFound(
            f"{key}: no stored document has this id, name or URL; see 'talkwatch documents'."
        )
    if len(rows) > 1:
        raise DocumentNotFound(
            f"{key}: names more than one document; give more of its name or id "
            "(see 'talkwatch documents')."
        )
    return DocumentRow(*rows[0])


def redate(db: Database, doc_id: str, day: str, source: str = SET_BY_USER) -> bool:
    """Give a stored document a new date; False when it already had it.

    Its statements are dated again and the positions they count towards are
    recomputed before this returns.
    """
    row = db.execute("SELECT date, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise DocumentNotFound(f"{doc_id}: no stored document has this id.")
    if row[0] == day:
        return False
    text = str(row[1])
    db.begin()
    try:
        db.execute(
            "UPDATE documents SET date = ?, date_source = ? WHERE id = ?", (day, source, doc_id)
        )
        statements = db.execute(
            "SELECT s.id, s.party, s.stance, s.sentence_start, s.sentence_end, s.quote_spans, "
            "(SELECT group_concat(i.issue, ' ') FROM statement_issues i "
            "WHERE i.statement_id = s.id) FROM statements s WHERE s.doc_id = ? ORDER BY s.id",
            (doc_id,),
        ).fetchall()
        said = [span for *_, spans, _ in statements for span in json.loads(str(spans))]
        db.executemany(  # every statement's words are no day of another's saying (pipeline)
            "UPDATE statements SET date = ? WHERE id = ?",
            [
                (statement_date(text[start:end], day, said, start), sid)
                for sid, _, _, start, end, _, _ in statements
            ],
        )
        stale = sorted(
            {
                (party, issue)
                for _, party, stance, _, _, _, issues in statements
                if has_side(party) and stance in POSITION_STANCES
                for issue in str(issues or "").split()
            }
        )
        db.executemany(
            "INSERT INTO stale_positions (party, issue) VALUES (?, ?) ON CONFLICT DO NOTHING",
            stale,
        )
        # what readers cache by (web.queries.fingerprint) changes with the dates too
        db.execute(
            "INSERT INTO settings (name, value) VALUES ('dates_changed', ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (str(time.time_ns()),),
        )
        db.commit()
    except BaseException:
        db.rollback()
        raise
    refresh(db)
    return True


def remove(db: Database, doc_id: str) -> None:
    """Remove a stored document with its statements, in one transaction; the positions
    they counted towards are recomputed before this returns. Ingesting its file or URL
    again stores it again; a watched feed does not fetch its article twice, nor does a
    watched folder read its file again unchanged (``removed_inputs``)."""
    db.begin()
    try:
        rows = db.execute("SELECT id FROM statements WHERE doc_id = ?", (doc_id,))
        gone = [int(row[0]) for row in rows]
        db.execute(  # a watched folder does not store them again
            "INSERT INTO removed_inputs (origin, raw_hash, removed_at) SELECT origin, "
            "raw_hash, ? FROM inputs WHERE doc_id = ? ON CONFLICT DO NOTHING",
            (datetime.now(timezone.utc).isoformat(timespec="seconds"), doc_id),
        )
        retire(db, [doc_id], None, gone)
        db.commit()
    except BaseException:
        db.rollback()
        raise
    refresh(db)


def was_removed(db: Database, origin: str, raw_hash: str) -> bool:
    """Whether these bytes from this input were stored, then removed by the user."""
    found = db.execute(
        "SELECT 1 FROM removed_inputs WHERE origin = ? AND raw_hash = ?", (origin, raw_hash)
    ).fetchone()
    return found is not None


def gone_from(db: Database, folder: Path) -> list[tuple[str, str]]:
    """The stored documents (id, path) read from files under ``folder`` that are no
    longer there: moved or deleted since. Their texts stay stored and counted."""
    root = str(folder.resolve())
    prefix = root.rstrip(os.sep) + os.sep
    like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = db.execute(
        "SELECT id, origin FROM documents WHERE superseded_by IS NULL"
        " AND origin LIKE ? ESCAPE '\\' ORDER BY origin",
        (like,),
    ).fetchall()
    return [  # SQLite's LIKE ignores case: "News/" is not "news/"
        (str(i), str(origin))
        for i, origin in rows
        if str(origin).startswith(prefix) and not Path(origin).exists()
    ]


def stored_document_of_input(db: Database, origin: str, raw_hash: str) -> str | None:
    """The id of the document an input (origin and hash of its bytes) was stored as."""
    row = db.execute(
        "SELECT doc_id FROM inputs WHERE origin = ? AND raw_hash = ?", (origin, raw_hash)
    ).fetchone()
    return str(row[0]) if row else None


def undated(db: Database, party: str | None = None, issue: str | None = None) -> Undated:
    """Position-taking statements of a side that carry no date (and are not counted);
    of one side, on one issue, when a view is filtered so."""
    marks = ", ".join("?" for _ in POSITION_STANCES)
    sql = (
        "SELECT count(*), count(DISTINCT doc_id) FROM statements WHERE date IS NULL "
        f"AND party NOT IN {NO_SIDE_SQL} AND stance IN ({marks}) "
        f"AND section = '{POSITION_SECTION}'"
    )
    params: list[object] = list(POSITION_STANCES)
    if party:
        sql += " AND party = ?"
        params.append(party)
    if issue:
        sql += " AND id IN (SELECT statement_id FROM statement_issues WHERE issue = ?)"
        params.append(issue)
    row = db.execute(sql, params).fetchone()
    return Undated(int(row[0]), int(row[1]))


def as_json(row: DocumentRow) -> dict[str, object]:
    return {
        "id": row.id,
        "name": row.name,
        "url": row.url,
        "title": row.title,
        "date": row.date,
        "date_source": row.date_source,
        "site": row.site,
        "feed": row.feed,
        "statements": row.statements,
        "ingested_at": row.ingested_at,
        "superseded_by": row.superseded_by or None,
    }


def dumps(rows: list[DocumentRow]) -> str:
    return json.dumps([as_json(r) for r in rows], ensure_ascii=False, indent=2)
