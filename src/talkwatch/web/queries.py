"""The SQL the pages and the API need, over ``Store.db``.

Lists are paginated in SQL; only the overview needs every position-taking
statement, and it loads a narrow projection of them once per change of the
database (see ``Analysis``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from ..conditions import SINCE, document_condition, party_condition, speaker_condition
from ..database import LIKE_TEXT, like_pattern
from ..records import COUNTED_DOCUMENT, NO_SIDE_SQL, POSITION_SECTION
from ..store import Store
from .labels import document_label, source_name

# The start of a document's text, read only for a document without a title (for its label).
LEAD = "CASE WHEN coalesce(d.title, '') = '' THEN substr(d.text, 1, 400) ELSE '' END"
STATEMENT_FIELDS = (
    """
    s.id, s.doc_id, d.name, d.title, s.quote, s.speaker, s.party, s.source, s.kind, s.stance,
    s.section, s.date, s.stance_reason, s.cue, s.actor_id, s.earlier, s.speaker_mention,
    (SELECT group_concat(i.issue, ' ') FROM statement_issues i WHERE i.statement_id = s.id),
    """
    + LEAD
    + """
"""
)
_NAMES = [
    "id",
    "doc_id",
    "doc",
    "title",
    "quote",
    "speaker",
    "party",
    "source",
    "kind",
    "stance",
    "section",
    "date",
    "stance_reason",
    "cue",
    "actor_id",
    "earlier",
    "speaker_mention",
    "issues",
    "label",
]


@dataclass(frozen=True)
class Filters:
    """Filters shared by the statement list, the timeline and the API."""

    party: str | None = None
    issue: str | None = None
    speaker: str | None = None
    stance: str | None = None
    doc: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    section: str | None = None  # body (the article) or comments (its readers')
    exact_speaker: bool = False  # speaker is a whole stored name: use the index
    q_speaker: str | None = None  # the name the words of q are for another spelling of

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.party:  # NONE as on the command line: no side, or none the text gives
            clause, values = party_condition(self.party)
            clauses.append(clause)
            params += values
        if self.issue:
            clauses.append("s.id IN (SELECT statement_id FROM statement_issues WHERE issue = ?)")
            params.append(self.issue)
        if self.speaker and self.exact_speaker:
            clauses.append("s.speaker = ? COLLATE NOCASE")
            params.append(self.speaker)
        elif self.speaker:
            clause, values = speaker_condition(self.speaker)
            clauses.append(clause)
            params += values
        if self.stance:
            clauses.append("s.stance = ?")
            params.append(self.stance)
        if self.doc:
            clause, values = document_condition(self.doc)
            clauses.append(clause)
            params += values
        if self.section:
            clauses.append("s.section = ?")
            params.append(self.section)
        if self.since:
            clauses.append(SINCE)
            params.append(self.since)
        if self.until:
            clauses.append("s.date <= ?")
            params.append(self.until)
        if self.q:
            also = " OR s.speaker = ?" if self.q_speaker else ""
            clauses.append(
                f"(s.quote {LIKE_TEXT} OR s.speaker {LIKE_TEXT} "
                f"OR s.doc_id IN (SELECT id FROM documents WHERE title {LIKE_TEXT}){also})"
            )
            params += [like_pattern(self.q)] * 3 + ([self.q_speaker] if self.q_speaker else [])
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def query_string(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v and k != "exact_speaker"}


def _row(row: tuple[Any, ...]) -> dict[str, Any]:
    out = dict(zip(_NAMES, row, strict=True))
    out["issues"] = out["issues"].split() if out["issues"] else []
    out["label"] = document_label(out["title"], out["label"])
    return out


@dataclass
class Page:
    total: int
    items: list[dict[str, Any]] = field(default_factory=list)
    limit: int = 50
    offset: int = 0


def statements(store: Store, filters: Filters, limit: int = 50, offset: int = 0) -> Page:
    """Statements matching the filters, newest first."""
    where, params = filters.where()
    total = store.db.execute(f"SELECT count(*) FROM statements s{where}", params).fetchone()[0]
    if offset >= total:  # past the end: nothing to read
        return Page(total, [], limit, offset)
    # Newest first (SQLite sorts NULL dates last in DESC order), so the date index serves.
    rows = store.db.execute(
        f"SELECT {STATEMENT_FIELDS} FROM statements s JOIN documents d ON d.id = s.doc_id "
        f"{where} ORDER BY s.date DESC, s.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return Page(total, [_row(r) for r in rows], limit, offset)


def statement(store: Store, statement_id: int) -> dict[str, Any] | None:
    row = store.db.execute(
        f"SELECT {STATEMENT_FIELDS}, s.quote_spans, s.sentence_start, s.sentence_end, "
        "s.speaker_mention, s.issue_evidence, d.url, d.date, s.earlier "
        "FROM statements s JOIN documents d ON d.id = s.doc_id WHERE s.id = ?",
        (statement_id,),
    ).fetchone()
    if row is None:
        return None
    out = _row(row[: len(_NAMES)])
    spans, start, end, mention, evidence, url, doc_date, earlier = row[len(_NAMES) :]
    out.update(
        quote_spans=json.loads(spans),
        sentence_span=[start, end],
        speaker_mention=mention,
        issue_evidence=json.loads(evidence),
        url=url,
        doc_date=doc_date,
        earlier=earlier,
    )
    return out


def documents(store: Store, limit: int = 50, offset: int = 0, q: str | None = None) -> Page:
    where, params = "", []
    if q:
        where = f" WHERE d.title {LIKE_TEXT} OR d.name {LIKE_TEXT}"
        params = [like_pattern(q)] * 2
    total = store.db.execute(f"SELECT count(*) FROM documents d{where}", params).fetchone()[0]
    rows = store.db.execute(
        "SELECT d.id, d.name, d.title, d.date, d.url, d.origin, d.ingested_at, "
        f"(SELECT count(*) FROM statements s WHERE s.doc_id = d.id), d.superseded_by, {LEAD} "
        f"FROM documents d{where} ORDER BY d.date IS NULL, d.date DESC, d.rowid DESC "
        "LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    names = [
        "id", "name", "title", "date", "url", "origin", "ingested_at", "statements",
        "superseded_by",  # the later version that counts instead of it (``revisions``)
    ]  # fmt: skip
    items = [
        {
            **dict(zip(names, r[:-1], strict=True)),
            "label": document_label(r[2], r[-1]),
            "source": source_name(r[1]),
        }
        for r in rows
    ]
    return Page(total, items, limit, offset)


SHORT_ID = 6  # the fewest characters of an id that may name one document


def documents_starting(store: Store, start: str) -> list[str]:
    """The ids (at most two) of the documents whose id starts with ``start``, as the
    command line prints ids; none for fewer than ``SHORT_ID`` characters."""
    if len(start) < SHORT_ID:
        return []
    rows = store.db.execute("SELECT id FROM documents WHERE id LIKE ? LIMIT 2", (f"{start}%",))
    return [doc_id for (doc_id,) in rows]


def superseded_by(store: Store, doc_id: str) -> dict[str, str] | None:
    """The id and label of the later version that revises a document (``revisions``),
    or None: its statements then count towards no position."""
    row = store.db.execute(
        "SELECT later.id, later.title, substr(later.text, 1, 400) FROM documents d "
        "JOIN documents later ON later.id = d.superseded_by WHERE d.id = ?",
        (doc_id,),
    ).fetchone()
    return {"id": str(row[0]), "label": document_label(row[1], row[2])} if row else None


def document_statements(store: Store, doc_id: str) -> list[dict[str, Any]]:
    rows = store.db.execute(
        f"SELECT {STATEMENT_FIELDS}, s.quote_spans FROM statements s "
        "JOIN documents d ON d.id = s.doc_id WHERE s.doc_id = ? ORDER BY s.start, s.id",
        (doc_id,),
    ).fetchall()
    out = []
    for row in rows:
        item = _row(row[: len(_NAMES)])
        item["quote_spans"] = json.loads(row[-1])
        out.append(item)
    return out


def all_actors(store: Store) -> list[dict[str, Any]]:
    """Every (speaker, party) with counts and dates, most quoted first."""
    rows = store.db.execute(  # not twice what an article's revision says again
        "SELECT s.speaker, s.party, max(s.actor_id), count(*), min(s.date), max(s.date) "
        "FROM statements s JOIN documents d ON d.id = s.doc_id "
        f"WHERE s.speaker != '' AND {COUNTED_DOCUMENT} "
        "GROUP BY s.speaker, s.party ORDER BY count(*) DESC, s.speaker"
    ).fetchall()
    names = ["speaker", "party", "actor_id", "statements", "first", "last"]
    return [dict(zip(names, r, strict=True)) for r in rows]


def actors(
    every: list[dict[str, Any]], limit: int = 100, offset: int = 0, party: str | None = None
) -> Page:
    """A page of ``all_actors`` (which the caller caches), perhaps of one party."""
    if party:
        every = [a for a in every if a["party"].upper() == party.upper()]
    return Page(len(every), every[offset : offset + limit], limit, offset)


def grouped_by_issue(
    store: Store, column: str, value: str, per_issue: int = 10
) -> list[tuple[str, int, list[dict[str, Any]]]]:
    """(issue, count, latest statements) for one speaker or one party, largest issue first."""
    test = {"speaker": "s.speaker = ? COLLATE NOCASE", "party": "s.party = ?"}[column]
    ranked = store.db.execute(
        "SELECT issue, id, n FROM (SELECT coalesce(i.issue, '') AS issue, s.id AS id, "
        "row_number() OVER (PARTITION BY i.issue ORDER BY s.date DESC, s.id DESC) AS rank, "
        "count(*) OVER (PARTITION BY i.issue) AS n FROM statements s "
        f"LEFT JOIN statement_issues i ON i.statement_id = s.id WHERE {test}) AS ranked "
        "WHERE rank <= ? ORDER BY n DESC, issue, rank",
        (value, per_issue),
    ).fetchall()
    ids = sorted({sid for _, sid, _ in ranked})
    found: dict[int, dict[str, Any]] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        for row in store.db.execute(
            f"SELECT {STATEMENT_FIELDS} FROM statements s JOIN documents d ON d.id = s.doc_id "
            f"WHERE s.id IN ({', '.join('?' * len(part))})",
            part,
        ):
            found[row[0]] = _row(row)
    out: dict[str, tuple[int, list[dict[str, Any]]]] = {}
    for issue, sid, count in ranked:
        out.setdefault(issue, (count, []))[1].append(found[sid])
    return [(issue, count, items) for issue, (count, items) in out.items()]


def timeline_counts(store: Store, filters: Filters) -> list[tuple[str, str, str, str, int]]:
    """(party, issue, month, stance, count) of dated statements of a side (not NONE nor a
    side the text does not give: a lane follows a side) matching the filters; of the
    articles whatever the section asked for, as the readers' comments are no side's."""
    where, params = replace(filters, section=None).where()
    # a position recalled from before its text is not plotted at that text's date, nor
    # what the readers' comments say a side said, nor a text a later version revises
    side = (
        f" s.date IS NOT NULL AND s.earlier = '' AND s.party NOT IN {NO_SIDE_SQL}"
        f" AND s.section = '{POSITION_SECTION}' AND {COUNTED_DOCUMENT}"
    )
    where = (where + " AND" if where else " WHERE") + side
    issue_test = " AND i.issue = ?" if filters.issue else ""
    return [
        tuple(r)
        for r in store.db.execute(
            "SELECT s.party, i.issue, substr(s.date, 1, 7), s.stance, count(*) "
            "FROM statements s JOIN documents d ON d.id = s.doc_id "
            f"JOIN statement_issues i ON i.statement_id = s.id{where}{issue_test} "
            "GROUP BY 1, 2, 3, 4",
            [*params, *([filters.issue] if filters.issue else [])],
        )
    ]


def choices(store: Store) -> dict[str, list[str]]:
    """Parties and issues present, for filter menus."""
    # no side is stored as "" and filtered as NONE, as the command line names it
    stored = store.db.execute("SELECT DISTINCT party FROM statements")
    parties = sorted({r[0] or "NONE" for r in stored})
    issues = [
        r[0] for r in store.db.execute("SELECT DISTINCT issue FROM statement_issues ORDER BY 1")
    ]
    return {"parties": parties, "issues": issues}


def fingerprint(store: Store) -> tuple[int, int, str]:
    """Changes whenever documents or statements are added, a document is re-dated
    (``documents.redate``) or replaced by a later text of its input (``revisions``):
    those two note the time in the settings, as nothing else is ever deleted.

    The newest statement id comes from the key's index and documents are few
    beside statements, so this stays a few milliseconds at any size.
    """
    row = store.db.execute(
        "SELECT (SELECT coalesce(max(id), 0) FROM statements), (SELECT count(*) FROM documents), "
        "(SELECT value FROM settings WHERE name = 'dates_changed'), "
        "(SELECT value FROM settings WHERE name = 'documents_replaced')"
    ).fetchone()
    return int(row[0]), int(row[1]), f"{row[2] or ''} {row[3] or ''}"


def summary(store: Store) -> dict[str, Any]:
    row = store.db.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM statements), "
        "(SELECT max(ingested_at) FROM documents), (SELECT max(date) FROM statements)"
    ).fetchone()
    return dict(zip(("documents", "statements", "ingested", "latest"), row, strict=True))


def context(store: Store, doc_id: str, start: int, end: int, pad: int = 400) -> tuple[str, int]:
    """The text around ``[start, end)`` in a document, cut at paragraph breaks: (text, offset)."""
    begin = max(0, start - pad)
    row = store.db.execute(
        "SELECT substr(text, ? + 1, ?) FROM documents WHERE id = ?",
        (begin, end - begin + pad, doc_id),
    ).fetchone()
    text = row[0] if row else ""
    head = text.rfind("\n\n", 0, start - begin)
    tail = text.find("\n\n", end - begin)
    cut_from = head + 2 if head >= 0 else 0
    cut_to = tail if tail >= 0 else len(text)
    return text[cut_from:cut_to], begin + cut_from


def party_index(store: Store) -> list[dict[str, Any]]:
    """Each party with its statement and speaker counts and dates, most quoted first."""
    rows = store.db.execute(  # not twice what an article's revision says again
        "SELECT s.party, count(*), count(DISTINCT s.speaker), min(s.date), max(s.date) "
        f"FROM statements s JOIN documents d ON d.id = s.doc_id WHERE {COUNTED_DOCUMENT} "
        "GROUP BY s.party ORDER BY count(*) DESC, s.party"
    ).fetchall()
    names = ["party", "statements", "speakers", "first", "last"]
    return [dict(zip(names, r, strict=True)) for r in rows]


def stance_months(store: Store, party: str) -> list[tuple[str, str, str, int]]:
    """(issue, month, stance, count) of one party's dated statements (not those recalled
    from before their texts, nor what the readers' comments say the side said: the
    timeline's lanes leave them out too; nor those of a text a later version revises,
    which the positions leave out)."""
    return [
        (str(r[0]), str(r[1]), str(r[2]), int(r[3]))
        for r in store.db.execute(
            "SELECT i.issue, substr(s.date, 1, 7), s.stance, count(*) FROM statements s "
            "JOIN statement_issues i ON i.statement_id = s.id "
            "JOIN documents d ON d.id = s.doc_id "
            "WHERE s.party = ? AND s.date IS NOT NULL AND s.earlier = '' "
            f"AND s.section = '{POSITION_SECTION}' AND {COUNTED_DOCUMENT} "
            "GROUP BY 1, 2, 3",
            (party,),
        )
    ]
