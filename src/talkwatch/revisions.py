"""An input that changed since it was stored: its new text replaces the earlier one.

Documents are keyed by the hash of their text, so a file edited in place, or a
page updated at the same address, arrives as a new document. Kept beside the
earlier text, every statement the two share would be counted twice in the
positions. So, in the transaction that stores the new text (``Store.keep``),
the earlier one goes, with its statements, sections and inputs (``ON DELETE
CASCADE``), and the positions its statements counted towards are recomputed.

Only a revision replaces: the new text keeps at least half of the earlier one's
sentences, or a fifth of them under the same title. Another article saved under the
same file name is stored beside the first. A text that another input also led
to stays, for that input. A statement the new text repeats (the same words,
speaker, side, stance, section, recalled mark and issues) keeps its id, so links
to it and the shifts already announced from it (``alerts``) stay valid; on SQLite
no new statement takes the id of a deleted one (``first_free_id``). A date the user set on the
earlier text (``documents set-date``) is the new text's date too, and one given with
``ingest --date`` is where the new text says none, unless the ingest gives one
(``carried_date``, before the analysis dates the statements).

Another version of an article from another input (``other_versions``: an updated
article saved under a new file name, found at a new address, or piped in again) is
kept beside the earlier one, which is marked ``superseded_by`` the later
(``supersede``): only the later one counts towards positions, shifts and the counts
beside them (``records.COUNTED_DOCUMENT``).
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import date

from .database import Database
from .records import Document, Statement
from .standing import mark_document_stale

# Inputs whose address names one text over time: files (absolute paths) and web pages.
# Standard input and texts posted to the API carry no such address.
_ADDRESSED = ("/", "http://", "https://")
# The share of an earlier text's sentences a revision keeps, when its title changed.
KEPT_SENTENCES = 0.5
KEPT_WITH_TITLE = 0.2  # when the title is the same
VERSION_DAYS = 2  # versions of one article from two inputs are dated at most this far apart
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+|\n+")


def earlier_versions(db: Database, origin: str, document: Document) -> list[str]:
    """The documents stored from ``origin`` that ``document`` revises and no other input
    led to, oldest first."""
    return stored_from(db, origin, document)[0]


def stored_from(db: Database, origin: str, document: Document) -> tuple[list[str], list[str]]:
    """The documents stored from ``origin`` alone, other than ``document``: those it
    revises, and the last stored if it does not revise that one (another article saved
    under the same name; older ones were named when the next text came)."""
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
    last = [str(rows[-1][0])] if rows else []
    return list(dict.fromkeys(revised)), [d for d in dict.fromkeys(other) if d in last]


def revises(document: Document, title: str, text: str) -> bool:
    """Whether ``document`` is a later version of the text ``text`` titled ``title``: it
    keeps half of that text's sentences, or a fifth under the same title (a daily
    "Peace talks digest" saved over yesterday's keeps none)."""
    share = _kept_share(document.text, text)
    same_title = bool(document.title) and document.title == title
    return share > 0 and share >= (KEPT_WITH_TITLE if same_title else KEPT_SENTENCES)


def other_versions(db: Database, document: Document) -> tuple[list[str], str | None]:
    """Stored texts of other inputs that are versions of ``document``'s article (the
    same title, at least half of their sentences kept, dated at most ``VERSION_DAYS``
    apart when both are dated: an updated article saved under a new file name, found
    at a new address, or posted again) that nothing revises yet: those it revises (not
    dated after it; stored earlier, when the dates do not tell), and the one that
    revises it (dated after it), if any."""
    if not document.title.strip():
        return [], None
    rows = db.execute(
        "SELECT id, text, date FROM documents WHERE id <> ? AND superseded_by IS NULL "
        "AND lower(title) = lower(?) ORDER BY ingested_at, id",
        (document.id, document.title),
    ).fetchall()
    older: list[str] = []
    newer: str | None = None
    for doc_id, text, day in rows:
        if _kept_share(document.text, text) < KEPT_SENTENCES:
            continue
        gap = _days(day, document.date)
        if gap is not None and abs(gap) > VERSION_DAYS:
            continue  # the same story told again a week later is another article
        if gap is not None and gap < 0:
            newer = newer or str(doc_id)
        else:
            older.append(str(doc_id))
    return older, newer


def superseded(db: Database) -> dict[str, str]:
    """Each document a later version revises, with that version's id."""
    rows = db.execute("SELECT id, superseded_by FROM documents WHERE superseded_by IS NOT NULL")
    return {str(doc_id): str(later) for doc_id, later in rows}


def supersede(db: Database, doc_ids: list[str], by: str) -> None:
    """Keep ``doc_ids``, but as revised by the text ``by``, inside the caller's
    transaction: their statements no longer count towards positions and shifts."""
    for doc_id in doc_ids:
        db.execute("UPDATE documents SET superseded_by = ? WHERE id = ?", (by, doc_id))
        mark_document_stale(db, doc_id)
    _note_replaced(db, doc_ids)


def dated_as_before(
    db: Database, older: list[str], statements: list[Statement]
) -> list[Statement]:
    """The statements of a later version, each one an earlier version of the article
    reported already (the same words of the same speaker) dated as that version dated
    it, when earlier: an update's dateline is not when the words it repeats were said."""
    if not older:
        return statements
    marks = ", ".join("?" for _ in older)
    rows = db.execute(
        "SELECT quote, speaker, min(date) FROM statements "
        f"WHERE doc_id IN ({marks}) AND date IS NOT NULL GROUP BY quote, speaker",
        older,
    ).fetchall()
    first = {(str(quote), str(speaker)): str(day) for quote, speaker, day in rows}
    return [
        replace(st, date=day)
        if (day := first.get((st.quote, st.speaker))) is not None
        and (st.date is None or day < st.date)
        else st
        for st in statements
    ]


def redate_later(db: Database, newer: str, statements: list[Statement]) -> None:
    """An earlier version stored after the later one (``dated_as_before`` the other way
    round): what the later one repeats of ``statements`` takes their date when earlier,
    inside the caller's transaction; the later one's positions are recomputed."""
    for st in statements:
        if st.date is not None:
            db.execute(
                "UPDATE statements SET date = ? WHERE doc_id = ? AND quote = ? AND "
                "speaker = ? AND (date IS NULL OR date > ?)",
                (st.date, newer, st.quote, st.speaker, st.date),
            )
    mark_document_stale(db, newer)


def _kept_share(document_text: str, text: str) -> float:
    """The share of ``text``'s sentences that ``document_text`` keeps (0 for none)."""
    earlier = _sentences(text)
    if not earlier:
        return 0.0
    now = set(_sentences(document_text))
    return sum(s in now for s in earlier) / len(earlier)


def _days(earlier: object, later: str | None) -> int | None:
    """Days from ``earlier`` to ``later`` (ISO dates); None when either is missing."""
    if not earlier or not later:
        return None
    return (date.fromisoformat(later) - date.fromisoformat(str(earlier))).days


def _sentences(text: str) -> list[str]:
    return [" ".join(s.split()) for s in _SENTENCE_END.split(text) if len(s.split()) >= 4]


def carried_date(db: Database, doc_ids: list[str]) -> tuple[str, str] | None:
    """The date the user gave the latest of these documents, with how: 'set' (``documents
    set-date``, which outranks the text's own date) or 'given' (``ingest --date``, for a
    text that says none); None when the user gave none."""
    if not doc_ids:
        return None
    marks = ", ".join("?" for _ in doc_ids)
    row = db.execute(
        f"SELECT date, date_source FROM documents WHERE id IN ({marks}) "
        "AND date_source IN ('set', 'given') AND date IS NOT NULL "
        "ORDER BY ingested_at DESC, id LIMIT 1",
        tuple(doc_ids),
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else None


Key = tuple[str, str, str, str, str, str, str]


def _key(quote: str, speaker: str, party: str, stance: str, section: str, earlier: str,
         issues: str) -> Key:  # fmt: skip
    return (quote, speaker, party, stance, section, earlier, " ".join(sorted(issues.split())))


def ids_of(db: Database, doc_ids: list[str]) -> dict[Key, list[int]]:
    """The ids of the statements of ``doc_ids``, by what each says."""
    found: dict[Key, list[int]] = {}
    for doc_id in doc_ids:
        rows = db.execute(
            "SELECT s.id, s.quote, s.speaker, s.party, s.stance, s.section, s.earlier, "
            "(SELECT group_concat(i.issue, ' ') FROM statement_issues i "
            "WHERE i.statement_id = s.id) FROM statements s WHERE s.doc_id = ? ORDER BY s.id",
            (doc_id,),
        )
        for sid, quote, speaker, party, stance, section, earlier, issues in rows:
            said = (str(quote), str(speaker), str(party), str(stance), str(section))
            key = _key(*said, str(earlier or ""), str(issues or ""))
            found.setdefault(key, []).append(int(sid))
    return found


def keeping_id(st: Statement, ids: dict[Key, list[int]]) -> Statement:
    """``st`` with the id of the same statement (the same words, speaker, side, stance,
    section, mark and issues) in an earlier text, if it had one."""
    key = _key(st.quote, st.speaker, st.party, st.stance, st.section, st.earlier,
               " ".join(st.issues))  # fmt: skip
    same = ids.get(key)
    return replace(st, id=same.pop(0)) if same else st


def retire(db: Database, doc_ids: list[str], by: str | None, gone: list[int]) -> None:
    """Remove the earlier documents ``doc_ids``, replaced by the document ``by`` (or
    removed by the user: None), inside the caller's transaction; ``gone`` are the ids of
    their statements the new text does not repeat, whose announced shifts and first
    positions are marked gone (their statement's id negated: SQLite may give the id to
    another statement) for ``retractions`` to announce as withdrawn."""
    for at in range(0, len(gone), 500):
        chunk = gone[at : at + 500]
        marks = ", ".join("?" for _ in chunk)
        db.execute(
            f"UPDATE shift_alerts SET after_id = -after_id WHERE after_id IN ({marks})",
            tuple(chunk),
        )
        db.execute(
            f"UPDATE position_alerts SET statement_id = -statement_id "
            f"WHERE statement_id IN ({marks})",
            tuple(chunk),
        )
    note_gone(db, gone)
    for doc_id in doc_ids:
        mark_document_stale(db, doc_id)  # a position it held may now rest on none
        # a feed entry that led to the earlier text now leads to the new one
        db.execute("UPDATE articles SET doc_id = ? WHERE doc_id = ?", (by, doc_id))
        # texts it revised are revised by the new one, or by none when it is removed (and
        # count again)
        for (revised,) in db.execute(
            "SELECT id FROM documents WHERE superseded_by = ?", (doc_id,)
        ).fetchall():
            # not by itself: the input's new text can be the very text it revised
            later = None if revised == by else by
            db.execute("UPDATE documents SET superseded_by = ? WHERE id = ?", (later, revised))
            mark_document_stale(db, str(revised))
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    _note_replaced(db, doc_ids)


def _note_replaced(db: Database, doc_ids: list[str]) -> None:
    if doc_ids:  # what readers cache by (web.queries.fingerprint) changes with it
        db.execute(
            "INSERT INTO settings (name, value) VALUES ('documents_replaced', ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (str(time.time_ns()),),
        )


def note_gone(db: Database, ids: list[int]) -> None:
    """Remember the highest id of deleted statements, which no new statement takes:
    SQLite gives a new row the highest id stored plus one, so a link to a removed
    statement would lead to another (``Store.insert_statements`` reads it)."""
    if ids:
        db.execute(
            "INSERT INTO settings (name, value) VALUES ('statement_ids_used', ?) "
            "ON CONFLICT (name) DO UPDATE SET value = CASE WHEN CAST(excluded.value AS "
            "INTEGER) > CAST(settings.value AS INTEGER) THEN excluded.value ELSE "
            "settings.value END",
            (str(max(ids)),),
        )


def first_free_id(db: Database) -> int | None:
    """On SQLite, the id a new statement must take not to reuse a deleted one's; None
    where the next id is free anyway (a server's identity never goes back)."""
    if db.dialect != "sqlite":
        return None
    row = db.execute(
        "SELECT (SELECT CAST(value AS INTEGER) FROM settings WHERE name = 'statement_ids_used'), "
        "(SELECT coalesce(max(id), 0) FROM statements)"
    ).fetchone()
    used, top = int(row[0] or 0), int(row[1] or 0)
    return used + 1 if used > top else None
