"""Check a stored database: schema, the database's own checks, and every span.

Each check returns a list of problems in plain words (empty when all is well),
so ``talkwatch check`` can print them and tests can assert on them.
"""

from __future__ import annotations

import json

from .database import Database
from .records import QUOTE_JOINER
from .store import SCHEMA_VERSION, Store

MAX_LISTED = 20  # problems of one kind listed before the rest are counted


def problems(store: Store) -> list[str]:
    """Everything wrong with the database, or an empty list."""
    found = schema_problems(store) + database_problems(store)
    if found:  # the span checks need a sound schema
        return found
    return section_problems(store) + statement_problems(store) + position_problems(store)


def schema_problems(store: Store) -> list[str]:
    version = store.schema_version()
    if version != SCHEMA_VERSION:
        return [f"The schema is version {version}; this talkwatch expects {SCHEMA_VERSION}."]
    return []


def database_problems(store: Store) -> list[str]:
    """SQLite's integrity and foreign-key checks (a server enforces its keys as it writes)."""
    if store.db.dialect != "sqlite":
        return []
    found = [
        f"SQLite integrity check: {message}."
        for (message,) in store.db.execute("PRAGMA integrity_check")
        if message != "ok"
    ]
    for table, rowid, parent, _ in store.db.execute("PRAGMA foreign_key_check"):
        found.append(f"Row {rowid} of table {table} points to a missing row in {parent}.")
    return _capped(found)


def section_problems(store: Store) -> list[str]:
    found = []
    for doc_id, name, text in store.db.execute("SELECT id, name, text FROM documents"):
        sections = store.db.execute(
            'SELECT name, start, "end" FROM sections WHERE doc_id = ?', (doc_id,)
        )
        found += [
            f"Document {name}: its {section} section {start}-{end} is not inside its text "
            f"({len(text)} characters)."
            for section, start, end in sections
            if not 0 <= start <= end <= len(text)  # in Python: SQLite's length() stops at a NUL
        ]
    return _capped(found)


def statement_problems(store: Store) -> list[str]:
    found: list[str] = []
    texts: dict[str, tuple[str, str]] = {}
    rows = store.db.execute(
        "SELECT s.id, s.doc_id, s.quote, s.quote_spans, s.sentence_start, s.sentence_end "
        "FROM statements s ORDER BY s.doc_id, s.id"
    )
    for sid, doc_id, quote, spans, sentence_start, sentence_end in rows:
        if doc_id not in texts:
            texts.clear()  # statements come grouped by document: keep one text in memory
            texts[doc_id] = _document(store.db, doc_id)
        name, text = texts[doc_id]
        problem = _statement_problem(text, quote, spans, sentence_start, sentence_end)
        if problem:
            found.append(f"Statement {sid} in document {name}: {problem}.")
    return _capped(found)


def position_problems(store: Store) -> list[str]:
    """Stored positions and shifts must point at stored statements of their side."""
    found = [
        f"The {party} position on {issue} rests on statement {sid}, which is not stored."
        for party, issue, sid in store.db.execute(
            "SELECT p.party, p.issue, p.statement_id FROM positions p "
            "LEFT JOIN statements s ON s.id = p.statement_id AND s.party = p.party "
            "WHERE s.id IS NULL"
        )
    ]
    found += [
        f"A shift of {party} on {issue} points to statement {sid}, which is not stored."
        for party, issue, sid in store.db.execute(
            "SELECT h.party, h.issue, h.sid FROM ("
            "SELECT party, issue, before_id AS sid FROM shifts "
            "UNION ALL SELECT party, issue, after_id FROM shifts) h "
            "LEFT JOIN statements s ON s.id = h.sid WHERE s.id IS NULL"
        )
    ]
    return _capped(found)


def _document(db: Database, doc_id: str) -> tuple[str, str]:
    row = db.execute("SELECT name, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return (str(row[0]), str(row[1])) if row else (doc_id, "")


def _statement_problem(
    text: str, quote: str, spans_json: str, sentence_start: int, sentence_end: int
) -> str | None:
    try:
        spans = [(int(a), int(b)) for a, b in json.loads(spans_json)]
    except (ValueError, TypeError):
        return f"its quote spans {spans_json!r} cannot be read"
    if not spans:
        return "it has no quote span"
    for start, end in spans:
        if not 0 <= start <= end <= len(text):
            return f"quote span {start}-{end} is not inside the text ({len(text)} characters)"
    if not 0 <= sentence_start <= sentence_end <= len(text):
        return (
            f"sentence span {sentence_start}-{sentence_end} is not inside the text "
            f"({len(text)} characters)"
        )
    if QUOTE_JOINER.join(text[a:b] for a, b in spans) != quote:
        return "the stored quote differs from the text at its spans"
    return None


def _capped(found: list[str]) -> list[str]:
    if len(found) <= MAX_LISTED:
        return found
    return [*found[:MAX_LISTED], f"... and {len(found) - MAX_LISTED} more like these."]
