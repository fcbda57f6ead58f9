"""An input that changed since it was stored: its new text replaces the earlier one.

Documents are keyed by the hash of their text, so a file edited in place, or a
page updated at the same address, arrives as a new document. Kept beside the
earlier text, every statement the two share would be counted twice in the
positions. So, in the transaction that stores the new text (``Store.keep``),
the earlier one goes, with its statements, sections and inputs (``ON DELETE
CASCADE``), and the positions its statements counted towards are recomputed.

Only a revision replaces: the new text keeps the earlier one's title, or at
least half of the earlier one's sentences. Another article saved under the
same file name is stored beside the first. A text that another input also led
to stays, for that input. A statement the new text repeats (the same words,
speaker, stance and issues) keeps its id, so links to it and the shifts
already announced from it (``alerts``) stay valid. A date the user set on the
earlier text (``documents set-date``) is the new text's date too, unless the
ingest gives one (``carried_date``, before the analysis dates the statements).
"""

from __future__ import annotations

import re
import time
from dataclasses import replace

from .database import Database
from .records import Document, Statement

# Inputs whose address names one text over time: files (absolute paths) and web pages.
# Standard input and texts posted to the API carry no such address.
_ADDRESSED = ("/", "http://", "https://")
# The share of an earlier text's sentences a revision keeps, when its title changed.
KEPT_SENTENCES = 0.5
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+|\n+")


def earlier_versions(db: Database, origin: str, document: Document) -> list[str]:
    """The documents stored from ``origin`` that ``document`` revises and no other input
    led to, oldest first."""
    return stored_from(db, origin, document)[0]


def stored_from(db: Database, origin: str, document: Document) -> tuple[list[str], list[str]]:
    """The documents stored from ``origin`` alone, other than ``document``: those it
    revises, and those it does not (another article saved under the same name)."""
    if not origin.startswith(_ADDRESSED):
        return [], []
    rows = db.execute(
        "SELECT d.id, d.title, d.text FROM inputs i JOIN documents d ON d.id = i.doc_id "
        "WHERE i.origin = ? AND i.doc_id <> ? AND NOT EXISTS ("
        "SELECT 1 FROM inputs o WHERE o.doc_id = i.doc_id AND o.origin <> i.origin) "
        "ORDER BY d.ingested_at, d.id",
        (origin, document.id),
    ).fetchall()
    revised: list[str] = []
    other: list[str] = []
    for doc_id, title, text in rows:
        (revised if revises(document, title, text) else other).append(str(doc_id))
    return list(dict.fromkeys(revised)), list(dict.fromkeys(other))


def revises(document: Document, title: str, text: str) -> bool:
    """Whether ``document`` is a later version of the text ``text`` titled ``title``."""
    if document.title and document.title == title:
        return True
    earlier = _sentences(text)
    now = set(_sentences(document.text))
    return bool(earlier) and sum(s in now for s in earlier) >= KEPT_SENTENCES * len(earlier)


def _sentences(text: str) -> list[str]:
    return [" ".join(s.split()) for s in _SENTENCE_END.split(text) if len(s.split()) >= 4]


def carried_date(db: Database, doc_ids: list[str]) -> str | None:
    """The date the user set on the latest of these documents, if any."""
    if not doc_ids:
        return None
    marks = ", ".join("?" for _ in doc_ids)
    row = db.execute(
        f"SELECT date FROM documents WHERE id IN ({marks}) AND date_source = 'set' "
        "AND date IS NOT NULL ORDER BY ingested_at DESC, id LIMIT 1",
        tuple(doc_ids),
    ).fetchone()
    return str(row[0]) if row else None


def _key(quote: str, speaker: str, stance: str, issues: str) -> tuple[str, str, str, str]:
    return (quote, speaker, stance, " ".join(sorted(issues.split())))


def ids_of(db: Database, doc_ids: list[str]) -> dict[tuple[str, str, str, str], list[int]]:
    """The ids of the statements of ``doc_ids``, by what each says."""
    found: dict[tuple[str, str, str, str], list[int]] = {}
    for doc_id in doc_ids:
        rows = db.execute(
            "SELECT s.id, s.quote, s.speaker, s.stance, (SELECT group_concat(i.issue, ' ') "
            "FROM statement_issues i WHERE i.statement_id = s.id) FROM statements s "
            "WHERE s.doc_id = ? ORDER BY s.id",
            (doc_id,),
        )
        for sid, quote, speaker, stance, issues in rows:
            key = _key(str(quote), str(speaker), str(stance), str(issues or ""))
            found.setdefault(key, []).append(int(sid))
    return found


def keeping_id(st: Statement, ids: dict[tuple[str, str, str, str], list[int]]) -> Statement:
    """``st`` with the id of the same statement in an earlier text, if it had one."""
    same = ids.get(_key(st.quote, st.speaker, st.stance, " ".join(st.issues)))
    return replace(st, id=same.pop(0)) if same else st


def retire(db: Database, doc_ids: list[str], by: str | None, gone: list[int]) -> None:
    """Remove the earlier documents ``doc_ids``, replaced by the document ``by`` (or
    removed by the user: None), inside the caller's transaction; ``gone`` are the ids of
    their statements the new text does not repeat, whose announced shifts are forgotten
    (SQLite may give the id to another statement)."""
    for at in range(0, len(gone), 500):
        chunk = gone[at : at + 500]
        marks = ", ".join("?" for _ in chunk)
        db.execute(f"DELETE FROM shift_alerts WHERE after_id IN ({marks})", tuple(chunk))
    for doc_id in doc_ids:
        # a position the earlier statements held may now rest on none
        db.execute(
            "INSERT INTO stale_positions (party, issue) SELECT DISTINCT s.party, i.issue "
            "FROM statements s JOIN statement_issues i ON i.statement_id = s.id "
            "WHERE s.doc_id = ? ORDER BY 1, 2 ON CONFLICT DO NOTHING",
            (doc_id,),
        )
        # a feed entry that led to the earlier text now leads to the new one
        db.execute("UPDATE articles SET doc_id = ? WHERE doc_id = ?", (by, doc_id))
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    if doc_ids:  # what readers cache by (web.queries.fingerprint) changes with it
        db.execute(
            "INSERT INTO settings (name, value) VALUES ('documents_replaced', ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (str(time.time_ns()),),
        )
