"""The two databases talkwatch stores into: an SQLite file or a PostgreSQL server.

talkwatch's SQL is written once, in SQLite's dialect, and every query goes
through a ``Database``. The PostgreSQL connection translates each statement
(once; the translations are cached): placeholders, case-insensitive
comparisons, ``group_concat``, the order of NULL dates, and for the
migrations the column types, so both stores run the same schema files and
the same queries.

The rules of the translation are narrow on purpose: they cover the SQL this
package writes, and the tests run the store, the analysis and the web API
against a real server to keep them honest (tests/test_store.py,
test_standing.py, test_web_api.py, test_web_pages.py on both databases;
test_server_store.py and test_engines.py for what is the server's own).
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

BUSY_TIMEOUT_MS = 30_000
SERVER_SCHEMES = ("postgresql://", "postgres://")
# Lock ids for pg_advisory_xact_lock: one for migrations.
SCHEMA_LOCK = 0x7A1C_0001
NAMED_LOCKS = 7311  # the first key of the advisory locks `Database.lock` takes


class DatabaseError(Exception):
    """The database cannot be opened or used; the message is for users."""


# SQLite's result codes for a file whose pages do not make sense
_DAMAGE_CODES = {getattr(sqlite3, "SQLITE_CORRUPT", 11), getattr(sqlite3, "SQLITE_NOTADB", 26)}


def unwritable(location: str, err: BaseException) -> str | None:
    """The sentence for users when ``err`` says the SQLite file cannot be written to."""
    if not isinstance(err, sqlite3.OperationalError) or "readonly" not in str(err):
        return None
    return (
        f"{location}: cannot be changed: the file or its folder is read-only; "
        "commands that only read still work."
    )


SQLITE_HEADER = b"SQLite format 3\x00"


def recovery(location: str) -> str:
    """What to do with a damaged SQLite file. Debian's sqlite3 3.40 fails on ``.recover``,
    so ``.dump`` is named too: it copies every table it can still read."""
    return (
        f"restore it from a backup, or recover what is left with 'sqlite3 {location} "
        ".recover | sqlite3 recovered.db' (where that sqlite3 fails, '.dump' in place of "
        "'.recover')"
    )


def other_file(location: str) -> str | None:
    """The sentence for a file that is there but holds no SQLite database at all (an
    article given as --db, say), else None."""
    try:
        with open(location, "rb") as file:
            start = file.read(len(SQLITE_HEADER))
    except OSError:
        return None
    if not start or start == SQLITE_HEADER:
        return None
    text = start.decode("utf-8", "replace")
    shown = f"it begins {text[:12]!r}" if text.isprintable() else "binary data"
    return (
        f"{location}: not a talkwatch database: the file holds something else ({shown}); "
        "it was left as it was. Give --db a database file, or a new file name to start one."
    )


def damage(location: str, err: BaseException) -> str | None:
    """The sentence for users when ``err`` says the SQLite file is damaged, else None."""
    if not isinstance(err, sqlite3.DatabaseError):
        return None
    code = getattr(err, "sqlite_errorcode", None)
    if code not in _DAMAGE_CODES and "malformed" not in str(err):
        return None
    return other_file(location) or (
        f"{location}: the database file is damaged ({err}); {recovery(location)}."
    )


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


# `column LIKE_TEXT` with a parameter from like_pattern: a search for text, not a pattern
LIKE_TEXT = "LIKE ? ESCAPE '\\'"


def like_pattern(text: str, anywhere: bool = True) -> str:
    """The parameter for LIKE_TEXT: ``text`` contained (or at the start), its % and _ literal."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%" if anywhere else f"{escaped}%"


def _connect_reason(err: Exception) -> str:
    """psycopg's reason in one line: "connection to server at "127.0.0.1", port 5999
    failed: Connection refused; is the server running on that host and accepting
    TCP/IP connections?", without its tab and its "connection failed:" prefix."""
    lines = [line.strip() for line in str(err).strip().splitlines() if line.strip()]
    if not lines:
        return type(err).__name__
    first = lines[0].removeprefix("connection failed: ")
    hints = [line[:1].lower() + line[1:] for line in lines[1:]]
    return "; ".join([first, *hints])


def is_server_url(location: str) -> bool:
    """True for ``postgresql://...`` (a server); anything else is an SQLite file."""
    return location.lower().startswith(SERVER_SCHEMES)


def public_location(location: str) -> str:
    """The location without its password (in the URL or its query), for messages."""
    if not is_server_url(location):
        return location
    parts = urlsplit(location)
    if parts.password is not None:
        host = parts.netloc.rsplit("@", 1)[-1]
        parts = parts._replace(netloc=f"{parts.username or ''}:***@{host}")
    query = [
        (key, "***" if key.lower() == "password" else value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
    ]
    return urlunsplit(parts._replace(query=urlencode(query, safe="*")))


class Database:
    """One connection, in autocommit mode: transactions are explicit."""

    dialect = ""
    errors: tuple[type[BaseException], ...] = ()

    def __init__(self, location: str) -> None:
        self.location = location

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def insert_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> list[int]:
        """Run one INSERT (into a table with an ``id`` key) per row; the new ids, in order."""
        raise NotImplementedError

    def begin(self, exclusive_of: str = "") -> None:
        """Start a transaction; ``exclusive_of`` names a table no one else may write meanwhile."""
        raise NotImplementedError

    def lock_schema(self) -> None:
        """Within a transaction: wait until no other process is migrating."""

    def lock(self, name: str) -> None:
        """Within a transaction: wait until no other transaction holds ``name`` (SQLite
        has one writer at a time already)."""

    def has_table(self, name: str) -> bool:
        raise NotImplementedError

    def alive(self) -> bool:
        """False once the connection is lost (a server restarted or dropped it)."""
        return True

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        self.execute("ROLLBACK")

    def close(self) -> None:
        raise NotImplementedError


class SQLiteDatabase(Database):
    dialect = "sqlite"
    errors = (sqlite3.Error,)

    def __init__(self, location: str, read_only: bool = False) -> None:
        super().__init__(location)
        path = Path(location)
        # A database on a read-only disk or in a folder this user cannot write is read
        # as it is (SQLite would need to write its journal beside it)
        frozen = read_only and path.is_file() and not os.access(path.parent, os.W_OK)
        # immutable only with no write-ahead log beside it, which it would not read
        mode = "mode=ro" if Path(f"{location}-wal").exists() else "immutable=1"
        self.connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?{mode}" if frozen else location,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            uri=frozen,
        )
        self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not frozen:
            self.connection.execute("PRAGMA journal_mode = WAL")
        self.connection.execute("PRAGMA foreign_keys = ON")
        self.connection.execute("PRAGMA synchronous = NORMAL")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self.connection.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.connection.executemany(sql, rows)

    def insert_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> list[int]:
        # In process, a statement per row costs nothing worth batching.
        return [int(self.connection.execute(sql, row).lastrowid or 0) for row in rows]

    def begin(self, exclusive_of: str = "") -> None:
        # One writer at a time in SQLite: IMMEDIATE takes the write lock up front.
        self.connection.execute("BEGIN IMMEDIATE")

    def has_table(self, name: str) -> bool:
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self.connection.execute(sql, (name,)).fetchone() is not None

    def backup(self, target: str) -> None:
        with sqlite3.connect(target) as copy:
            self.connection.backup(copy)

    def close(self) -> None:
        self.connection.close()


class PostgresDatabase(Database):
    dialect = "postgresql"

    def __init__(self, location: str) -> None:
        super().__init__(location)
        try:
            import psycopg
        except ImportError:
            raise DatabaseError(
                f"{public_location(location)}: talkwatch needs the 'postgres' extra for a "
                "database server: pip install -e '.[postgres]' in the talkwatch folder."
            ) from None
        self.errors = (psycopg.Error,)
        try:
            self.connection = psycopg.connect(location, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            raise DatabaseError(
                f"{public_location(location)}: cannot connect ({_connect_reason(err)})."
            ) from None
        if self.connection.execute("SELECT current_schema()").fetchone()[0] is None:  # type: ignore[index]
            path = self.connection.execute("SHOW search_path").fetchone()[0]  # type: ignore[index]
            self.connection.close()
            raise DatabaseError(
                f"{public_location(location)}: no schema in the search path ({path}) exists "
                "or can be used by this user; create it (CREATE SCHEMA name) or grant USAGE "
                "and CREATE on it, or name another."
            )

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self.connection.execute(postgres_sql(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(postgres_sql(sql), list(rows))

    def insert_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> list[int]:
        # One pipelined exchange with the server instead of a round trip per row.
        ids: list[int] = []
        if not rows:
            return ids
        with self.connection.cursor() as cursor:
            cursor.executemany(postgres_sql(sql + " RETURNING id"), rows, returning=True)
            while True:
                ids.append(int(cursor.fetchone()[0]))  # type: ignore[index]
                if not cursor.nextset():
                    return ids

    def begin(self, exclusive_of: str = "") -> None:
        self.execute("BEGIN")
        if exclusive_of:
            # Writers of that table wait for this transaction; readers do not.
            self.execute(f"LOCK TABLE {exclusive_of} IN EXCLUSIVE MODE")

    def lock_schema(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))

    def lock(self, name: str) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?, hashtext(?))", (NAMED_LOCKS, name))

    def alive(self) -> bool:
        if self.connection.closed or self.connection.broken:
            return False
        try:  # a dropped connection is only noticed when used: one round trip to find out
            self.connection.execute("SELECT 1")
        except self.errors:
            return False
        return True

    def has_table(self, name: str) -> bool:
        return bool(self.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0])

    def close(self) -> None:
        self.connection.close()


def connect(location: str, read_only: bool = False) -> Database:
    """An SQLite file, or a PostgreSQL server for a ``postgresql://`` URL; ``read_only``
    for commands that only read, which can then read a file on a read-only disk. The
    location is checked first (``check_location``, by ``Store.open``)."""
    if is_server_url(location):
        return PostgresDatabase(location)
    try:
        return SQLiteDatabase(location, read_only)
    except sqlite3.DatabaseError as err:
        raise DatabaseError(unopened(location, err)) from None


def check_location(location: str) -> None:
    """Refuse, in a sentence, a location that names no database: nothing, or an address
    of a kind talkwatch does not store into."""
    if not location.strip():
        raise DatabaseError("--db is empty: give a database file or a postgresql:// URL.")
    if "://" in location and not is_server_url(location):
        raise DatabaseError(
            f"{public_location(location)}: not a database talkwatch can use; give an SQLite "
            "file name or a postgresql:// URL."
        )


def unopened(location: str, err: sqlite3.DatabaseError) -> str:
    """Why the SQLite file at ``location`` cannot be opened, as a sentence for users."""
    damaged = damage(location, err)
    if damaged:
        return damaged
    folder = Path(location).resolve().parent
    if not folder.is_dir():
        return f"{location}: cannot be created: the folder {folder} does not exist."
    if not os.access(folder, os.W_OK):
        return (
            f"{location}: cannot be written: the folder {folder} is read-only; "
            "give --db a file in a folder you can write to."
        )
    return f"{location}: cannot be opened as a talkwatch database ({err})."


# -- SQLite's dialect into PostgreSQL's -----------------------------------------

_QUERY_RULES = [
    # `column = ? COLLATE NOCASE` -> `lower(column) = lower(?)`, served by lower() indexes;
    # both sides folded in the "C" collation (ASCII only, as SQLite's NOCASE)
    (
        re.compile(r"([\w.]+) = \? COLLATE NOCASE"),
        r'lower(\1) = lower(CAST(? AS TEXT) COLLATE "C")',
    ),
    # SQLite's LIKE ignores ASCII case; its escape character is only the one named
    (re.compile(r"\bLIKE \? ESCAPE '\\'"), r"ILIKE ? ESCAPE '\\'"),
    (re.compile(r"\bLIKE \?(?! ESCAPE)"), "ILIKE ? ESCAPE ''"),
    # string_agg's order is arbitrary; group_concat over the key index comes sorted
    (re.compile(r"\bgroup_concat\(([\w.]+), ' '\)"), r"string_agg(\1, ' ' ORDER BY \1)"),
    # SQLite puts NULL first in ascending and last in descending order
    (re.compile(r"\b([\w.]*date) DESC\b"), r"\1 DESC NULLS LAST"),
]
_SCHEMA_RULES = [
    (
        re.compile(r"\bid\s+INTEGER PRIMARY KEY\b"),
        "id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    ),
    # byte order and ASCII-only case folding, as in SQLite, whatever the server's locale
    (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'),
    (re.compile(r"\(\s*(\w+) COLLATE NOCASE\)"), r"(lower(\1))"),
    # NULL dates first in the index, as SQLite sorts them, so `date DESC NULLS LAST` reads it
    (re.compile(r"(ON \w+\s*\([^)]*\bdate)\b"), r"\1 NULLS FIRST"),
    # insertion order, which SQLite keeps as rowid, for `ORDER BY rowid`
    (
        re.compile(r"CREATE TABLE ((?:IF NOT EXISTS )?\w+) \("),
        r"CREATE TABLE \1 (rowid BIGINT GENERATED ALWAYS AS IDENTITY,",
    ),
]


@lru_cache(maxsize=512)
def postgres_sql(sql: str) -> str:
    """One statement of talkwatch's SQL in PostgreSQL's dialect, with %s placeholders."""
    is_schema = sql.lstrip().upper().startswith(("CREATE TABLE", "CREATE INDEX", "ALTER TABLE"))
    for pattern, replacement in _SCHEMA_RULES if is_schema else _QUERY_RULES:
        sql = pattern.sub(replacement, sql)
    return sql.replace("%", "%%").replace("?", "%s")
