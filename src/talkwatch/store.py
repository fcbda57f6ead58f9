"""The store: an SQLite file (WAL, foreign keys) or a PostgreSQL server, with
versioned migrations shared by both (see ``database`` for the dialects).

Every document is written in one transaction together with its statements, so
an interrupted ingest leaves either the whole document or nothing. Documents
are keyed by the hash of their cleaned text, and the database's primary key
(``INSERT ... ON CONFLICT DO NOTHING``) keeps one copy however often, from
however many inputs and concurrent ingests, a document arrives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from . import database
from .conditions import document_condition, shared_filters
from .database import (
    Database,
    DatabaseError,
    check_location,
    connect,
    is_server_url,
    public_location,
)
from .records import COUNTED_DOCUMENT, Document, Section, Statement
from .revisions import (
    dated_as_before,
    earlier_versions,
    first_free_id,
    ids_of,
    keeping_id,
    other_versions,
    redate_later,
    retire,
    supersede,
)
from .rows import INSERT_STATEMENT, INSERT_STATEMENT_WITH_ID, statement_from_row, statement_row
from .standing import mark_stale

StoreError = DatabaseError  # the name the rest of talkwatch uses


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) for every migration shipped in the package, in order."""
    folder = resources.files("talkwatch").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = max(version for version, _ in migrations())


@dataclass(frozen=True)
class Kept:
    """What storing an input did: a new document or not, and the earlier texts of the
    same input it replaced (``revisions``)."""

    new: bool
    replaced: tuple[str, ...] = ()
    # other versions of its article, from other inputs (``revisions.other_versions``): those
    # it revises, kept but no longer counted, and the one dated after it that revises it
    superseded: tuple[str, ...] = ()
    superseded_by: str | None = None


@dataclass(frozen=True)
class StoredDocument:
    id: str
    name: str
    origin: str
    url: str
    title: str
    author: str
    date: str | None
    text: str
    sections: tuple[Section, ...]
    statements: int


_STATEMENT_COLUMNS = """
    s.id, s.doc_id, d.name, s.quote, s.quote_spans, s.speaker, s.party, s.source, s.kind,
    s.stance, s.section, s.sentence_start, s.sentence_end,
    substr(d.text, s.sentence_start + 1, s.sentence_end - s.sentence_start),
    s.cue, s.cue_start, s.cue_end, s.speaker_mention, s.speaker_start, s.speaker_end,
    s.actor_id, s.issue_evidence, s.stance_reason, s.date, s.earlier, s.extras,
    (SELECT group_concat(i.issue, ' ') FROM statement_issues i WHERE i.statement_id = s.id)
"""


class Store:
    """One open database. Use ``Store.open(path)`` and ``close()``."""

    def __init__(self, db: Database, path: str) -> None:
        self.db = db
        self.path = public_location(path)  # for messages: no password

    @classmethod
    def open(cls, path: str, create: bool = True) -> Store:
        """An SQLite file, or a PostgreSQL database for a ``postgresql://`` URL.

        With ``create=False`` a database without talkwatch's schema is refused
        instead of set up (for commands that only read).
        """
        check_location(path)
        if not is_server_url(path) and Path(path).is_dir():
            raise StoreError(f"{path}: is a folder, not a database file.")
        store = cls(connect(path, read_only=not create), path)
        try:
            if not create and store._stored_version() == 0:
                raise StoreError(
                    f"{store.path}: holds no talkwatch data; run 'talkwatch ingest' first."
                )
            store.migrate()
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        self.db.close()

    # -- schema --------------------------------------------------------------

    def schema_version(self) -> int:
        """The version of the stored schema; 0 for an empty database."""
        if not self.db.has_table("schema_version"):
            return 0
        row = self.db.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _stored_version(self) -> int:
        try:
            return self.schema_version()
        except self.db.errors as err:
            not_ours = f"{self.path}: is not a talkwatch database ({err})."
            raise StoreError(database.damage(self.path, err) or not_ours) from None

    def migrate(self) -> None:
        """Bring the schema up to date, backing up an existing older database first."""
        current = self._stored_version()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: was written by a newer talkwatch (schema {current}, "
                f"this one knows {SCHEMA_VERSION}); upgrade talkwatch."
            )
        pending = [(v, sql) for v, sql in migrations() if v > current]
        if not pending:
            return
        if current > 0 and self.db.dialect == "sqlite":  # a server has its own backups
            self.backup(f"{self.path}.schema{current}.bak")
        for version, sql in pending:
            with self.transaction():
                self.db.lock_schema()  # other processes opening the database wait here
                self.db.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"
                )
                if self.schema_version() >= version:  # another process migrated meanwhile
                    continue
                for command in _sql_commands(sql):
                    self.db.execute(command)
                self.db.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))

    def backup(self, target: str) -> None:
        """Copy an SQLite database to ``target`` (for a server, use its own tools)."""
        backup = getattr(self.db, "backup", None)
        if backup is None:
            raise StoreError(f"{self.path}: back up a database server with its own tools.")
        backup(target)

    def transaction(self, exclusive_of: str = "") -> _Transaction:
        return _Transaction(self.db, exclusive_of)

    # -- writing -------------------------------------------------------------

    def has_input(self, origin: str, raw_hash: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM inputs WHERE origin = ? AND raw_hash = ?", (origin, raw_hash)
        ).fetchone()
        return row is not None

    def has_document(self, doc_id: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
            is not None
        )

    def add(self, document: Document, statements: list[Statement], raw_hash: str) -> bool:
        """Store a document and its statements in one transaction (``keep``)."""
        return self.keep(document, statements, raw_hash).new

    def keep(self, document: Document, statements: list[Statement], raw_hash: str) -> Kept:
        """Store a document, its statements and the input that led to it in one
        transaction, in place of the earlier texts of that input (``revisions``).

        ``new`` is False (and only the input is noted) when the same document is
        already stored.
        """
        with self.transaction():
            # two processes storing texts of one input take turns (a server has no one
            # writer at a time), so they never both replace, or reuse, the same rows
            self.db.lock(f"input {document.origin}")
            inserted = self.db.execute(
                "INSERT INTO documents (id, name, origin, url, title, author, date, date_source, "
                "site, text, original, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (
                    document.id,
                    document.name,
                    document.origin,
                    document.url,
                    document.title,
                    document.author,
                    document.date,
                    document.date_source,
                    document.site,
                    document.text,
                    document.original,
                    datetime.now(timezone.utc).isoformat(timespec="seconds"),
                ),
            ).rowcount
            self.note_input(document.origin, raw_hash, document.id)
            earlier = earlier_versions(self.db, document.origin, document)
            ids = ids_of(self.db, earlier)
            statements = [keeping_id(st, ids) for st in statements] if inserted else []
            retire(self.db, earlier, document.id, gone=[i for left in ids.values() for i in left])
            older: list[str] = []
            newer = None
            if inserted:
                # two versions of one article stored at once from two inputs take turns
                self.db.lock(f"title {document.title.casefold()}")
                older, newer = other_versions(self.db, document)
                if newer is not None:  # an earlier version: the stored later one still counts
                    supersede(self.db, [*older, document.id], newer)
                    redate_later(self.db, newer, statements)
                    older = []  # revised by that one, not by this
                else:
                    supersede(self.db, older, document.id)
                    statements = dated_as_before(self.db, older, statements)
                self._insert_sections(document)
                self.insert_statements(statements)
                mark_stale(self.db, statements)
        return Kept(bool(inserted), tuple(earlier), tuple(older), newer)

    def link(self, document: Document, raw_hash: str) -> Kept | None:
        """Note that an input led to a text stored before (in place of that input's
        earlier texts); None when that text is no longer stored."""
        with self.transaction():
            self.db.lock(f"input {document.origin}")
            if not self.has_document(document.id):
                return None
            self.note_input(document.origin, raw_hash, document.id)
            earlier = earlier_versions(self.db, document.origin, document)
            gone = [i for left in ids_of(self.db, earlier).values() for i in left]
            retire(self.db, earlier, document.id, gone)
        return Kept(False, tuple(earlier))

    def note_input(self, origin: str, raw_hash: str, doc_id: str) -> None:
        self.db.execute(
            "INSERT INTO inputs (origin, raw_hash, doc_id) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            (origin, raw_hash, doc_id),
        )
        # stored again by name: a removal no longer stands for it
        self.db.execute(
            "DELETE FROM removed_inputs WHERE origin = ? AND raw_hash = ?", (origin, raw_hash)
        )


    def _insert_sections(self, document: Document) -> None:
        self.db.executemany(
            'INSERT INTO sections (doc_id, name, start, "end") VALUES (?, ?, ?, ?)',
            [(document.id, s.name, s.start, s.end) for s in document.sections],
        )

    def insert_statements(self, statements: list[Statement]) -> None:
        """All of a document's statements and their issues (a few round trips on a server),
        inside a transaction the caller holds; a statement with an id keeps it."""
        kept = [st for st in statements if st.id is not None]
        fresh = [st for st in statements if st.id is None]
        # the kept ids first: SQLite gives a fresh row the highest id stored plus one, and
        # the first free id must be past the kept ones as well as the deleted ones
        ids = self.db.insert_many(
            INSERT_STATEMENT_WITH_ID, [(st.id, *statement_row(st)) for st in kept]
        )
        start = first_free_id(self.db)  # past the ids of deleted statements (SQLite)
        if start is not None and fresh:
            numbered = [replace(st, id=start + n) for n, st in enumerate(fresh)]
            ids += self.db.insert_many(
                INSERT_STATEMENT_WITH_ID, [(st.id, *statement_row(st)) for st in numbered]
            )
            kept, fresh = kept + numbered, []
        ids += self.db.insert_many(INSERT_STATEMENT, [statement_row(st) for st in fresh])
        self.db.executemany(
            "INSERT INTO statement_issues (statement_id, issue) VALUES (?, ?)",
            [
                (statement_id, issue)
                for statement_id, st in zip(ids, [*kept, *fresh], strict=True)
                for issue in dict.fromkeys(st.issues)
            ],
        )

    # -- reading -------------------------------------------------------------

    def statements(self, **filters: str | None) -> list[Statement]:
        """Stored statements in document order; see ``iter_statements`` for the filters."""
        return list(self.iter_statements(**filters))

    def iter_statements(
        self,
        speaker: str | None = None,
        doc: str | None = None,
        party: str | None = None,
        issue: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Iterator[Statement]:
        """Stored statements, in document order, filtered by any of the arguments."""
        where, params = shared_filters(party, issue, since, until, speaker)
        if doc:
            clause, values = document_condition(doc)
            where.append(clause)
            params += values
        sql = f"SELECT {_STATEMENT_COLUMNS} FROM statements s JOIN documents d ON d.id = s.doc_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.rowid, s.start, s.id"
        for row in self.db.execute(sql, params):
            yield statement_from_row(row)

    def timeline(
        self,
        party: str | None = None,
        issue: str | None = None,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 500,
    ) -> list[Statement]:
        """The latest ``limit`` dated statements matching the filters, oldest first."""
        where, params = shared_filters(party, issue, since, until, speaker)
        where.append("s.date IS NOT NULL")
        sql = (
            f"SELECT {_STATEMENT_COLUMNS} FROM statements s JOIN documents d ON d.id = s.doc_id "
            f"WHERE {' AND '.join(where)} "
            "ORDER BY s.date DESC, d.rowid DESC, s.start DESC, s.id DESC LIMIT ?"
        )
        return [statement_from_row(row) for row in self.db.execute(sql, [*params, limit])][::-1]

    def documents(self) -> list[StoredDocument]:
        rows = self.db.execute(
            "SELECT d.id FROM documents d ORDER BY d.date IS NULL, d.date, d.rowid"
        ).fetchall()
        return [doc for (doc_id,) in rows if (doc := self.document(doc_id)) is not None]

    def document(self, doc_id: str) -> StoredDocument | None:
        row = self.db.execute(
            "SELECT id, name, origin, url, title, author, date, text, "
            "(SELECT count(*) FROM statements s WHERE s.doc_id = d.id) "
            "FROM documents d WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        sections = tuple(
            Section(name, start, end)
            for name, start, end in self.db.execute(
                'SELECT name, start, "end" FROM sections WHERE doc_id = ? ORDER BY start', (doc_id,)
            )
        )
        doc, name, origin, url, title, author, date, text, statements = row
        return StoredDocument(
            doc, name, origin, url, title, author, date, text, sections, statements
        )

    def speakers(self) -> list[tuple[str, str, str, int, str | None, str | None]]:
        """(speaker, party, actor id, statements, first date, last date), most quoted first."""
        rows = self.db.execute(  # not twice what an article's revision says again
            "SELECT s.speaker, s.party, s.actor_id, count(*), min(s.date), max(s.date) "
            "FROM statements s JOIN documents d ON d.id = s.doc_id "
            f"WHERE s.speaker != '' AND {COUNTED_DOCUMENT} "
            "GROUP BY s.speaker, s.party, s.actor_id ORDER BY count(*) DESC, s.speaker"
        )
        return [tuple(row) for row in rows]

    def counts(self) -> dict[str, int]:
        return {
            table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "statements", "inputs")
        }


class _Transaction:
    """``with store.transaction():`` BEGIN ... COMMIT, or ROLLBACK on error."""

    def __init__(self, db: Database, exclusive_of: str = "") -> None:
        self.db = db
        self.exclusive_of = exclusive_of

    def __enter__(self) -> None:
        self.db.begin(self.exclusive_of)

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None:
            self.db.commit()
        else:
            self.db.rollback()


def _sql_commands(sql: str) -> list[str]:
    """Split a migration into commands (no semicolons inside our SQL strings)."""
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    return [command.strip() for command in "\n".join(lines).split(";") if command.strip()]
