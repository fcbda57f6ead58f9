"""An input that changed since it was stored: its new text replaces the old.

Documents are keyed by the hash of their text, so a file edited in place, or a
page updated at the same address, arrives as a new document. Kept beside the
earlier text, every statement the two share would be counted twice in the
positions. So the new text replaces the earlier one: in the transaction that
stores it, the earlier document goes (its statements, sections and the inputs
that led to it with it, by ``ON DELETE CASCADE``), and the positions its
statements counted towards are recomputed. A text that another input also
led to stays for that input. A date the user set on the earlier text
(``documents set-date``) is carried over by the caller (``documents.redate``),
which dates the new statements again.
"""

from __future__ import annotations

from .database import Database

# Inputs whose address names one text over time: files (absolute paths) and web pages.
# Standard input and texts posted to the API carry no such address.
_ADDRESSED = ("/", "http://", "https://")


def earlier_versions(db: Database, origin: str, doc_id: str) -> list[str]:
    """The documents stored from ``origin`` with a text other than ``doc_id``'s that no
    other input led to, oldest first."""
    if not origin.startswith(_ADDRESSED):
        return []
    rows = db.execute(
        "SELECT i.doc_id FROM inputs i JOIN documents d ON d.id = i.doc_id "
        "WHERE i.origin = ? AND i.doc_id <> ? AND NOT EXISTS ("
        "SELECT 1 FROM inputs o WHERE o.doc_id = i.doc_id AND o.origin <> i.origin) "
        "ORDER BY d.ingested_at, d.id",
        (origin, doc_id),
    ).fetchall()
    return list(dict.fromkeys(str(row[0]) for row in rows))


def set_date(db: Database, doc_ids: list[str]) -> str | None:
    """The date the user set on the latest of these documents, if any."""
    if not doc_ids:
        return None
    marks = ", ".join("?" for _ in doc_ids)
    rows = db.execute(
        f"SELECT date FROM documents WHERE id IN ({marks}) AND date_source = 'set' "
        "AND date IS NOT NULL ORDER BY ingested_at DESC, id",
        tuple(doc_ids),
    ).fetchall()
    return str(rows[0][0]) if rows else None


def retire(db: Database, doc_ids: list[str], by: str) -> None:
    """Remove the earlier documents ``doc_ids``, replaced by the document ``by``, inside
    the caller's transaction."""
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
