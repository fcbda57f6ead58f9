"""The watcher's tables: feeds, the articles they linked to, announced shifts.

Each function is one short transaction on a store's database (SQLite or
PostgreSQL, see ``database``). The schema is migrations/005_feeds.sql.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from .database import Database
from .feeds import Entry, canonical_url

PENDING = "pending"
REVISED = "revised"  # an entry the feed marks updated: fetched again for its new text
FAILED = "failed"
DONE = ("ingested", "duplicate", "off-topic", "no-article")
MAX_ATTEMPTS = 3  # an article that fails to download is tried in this many cycles


class FeedNotFound(LookupError):
    """A feed the user named is not watched; the message says so."""


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    name: str
    filter: str
    etag: str
    modified: str
    polled_at: str | None
    error: str
    failures: int
    retry_at: str | None


@dataclass(frozen=True)
class Pending:
    """An article to fetch: linked by a feed, not yet ingested or turned away."""

    url: str
    feed_id: int
    title: str
    feed_date: str | None
    attempts: int
    revised: bool = False  # the feed marked it updated since it was stored


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


_FEED = "SELECT id, url, name, filter, etag, modified, polled_at, error, failures, retry_at "


def add_feed(db: Database, url: str, name: str, words: str) -> tuple[Feed, bool]:
    """Watch a feed; the feed and False when it was already watched (nothing changes)."""
    inserted = db.execute(
        "INSERT INTO feeds (url, name, filter, added_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        (url, name, words, now()),
    ).rowcount
    return find_feed(db, url), bool(inserted)


def find_feed(db: Database, key: str) -> Feed:
    """The feed with this id, URL or name."""
    address = canonical_url(key) if key.startswith(("http://", "https://")) else key
    rows = db.execute(
        _FEED + "FROM feeds WHERE url = ? OR name = ? OR CAST(id AS TEXT) = ? ORDER BY id",
        (address, key, key),
    ).fetchall()
    if not rows:
        raise FeedNotFound(f"{key}: no watched feed has this URL, name or number.")
    if len(rows) > 1:
        raise FeedNotFound(f"{key}: names more than one feed; give its URL or number instead.")
    return Feed(*rows[0])


def list_feeds(db: Database) -> list[tuple[Feed, dict[str, int]]]:
    """Every watched feed with its articles counted by status."""
    counts: dict[int, dict[str, int]] = {}
    for feed_id, status, count in db.execute(
        "SELECT feed_id, status, count(*) FROM articles GROUP BY feed_id, status"
    ):
        counts.setdefault(int(feed_id), {})[str(status)] = int(count)
    feeds = [Feed(*row) for row in db.execute(_FEED + "FROM feeds ORDER BY id")]
    return [(feed, counts.get(feed.id, {})) for feed in feeds]


def remove_feed(db: Database, feed: Feed) -> None:
    """Stop watching; the articles it brought stay recorded, so adding it back fetches
    none twice, and those not fetched yet are forgotten."""
    db.begin()
    try:
        db.execute(
            "DELETE FROM articles WHERE feed_id = ? AND status IN (?, ?)",
            (feed.id, PENDING, FAILED),
        )
        db.execute("DELETE FROM feeds WHERE id = ?", (feed.id,))
        db.commit()
    except BaseException:
        db.rollback()
        raise


def waiting_feeds(db: Database) -> int:
    """How many failing feeds wait for their retry time (``due_feeds`` leaves them out)."""
    return int(db.execute("SELECT count(*) FROM feeds WHERE retry_at > ?", (now(),)).fetchone()[0])


def due_feeds(db: Database) -> list[Feed]:
    """Feeds to poll now: all but those failing and waiting for their retry time."""
    rows = db.execute(
        _FEED + "FROM feeds WHERE retry_at IS NULL OR retry_at <= ? ORDER BY id", (now(),)
    )
    return [Feed(*row) for row in rows]


def record_poll(
    db: Database, feed: Feed, entries: Sequence[Entry], etag: str, modified: str
) -> tuple[int, int, int]:
    """Note a poll's links as pending with the feed's new ETag, in one transaction.

    Returns (new, updated, already seen): an updated entry is one already seen
    whose updated time changed; it is to be fetched again (``REVISED``), so it stores its
    revised text in place of the one stored from its address (an unchanged text is
    counted as seen before).
    """
    urls = list(dict.fromkeys(e.url for e in entries))
    known: dict[str, str] = {}
    for start in range(0, len(urls), 500):
        chunk = urls[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for url, updated in db.execute(
            f"SELECT url, updated FROM articles WHERE url IN ({marks})", chunk
        ):
            known[str(url)] = str(updated)
    fresh = {e.url: e for e in reversed(entries) if e.url not in known}  # first one wins
    changed = [e for e in entries if e.url in known and e.updated and e.updated != known[e.url]]
    stamp = now()
    db.begin()
    try:
        db.executemany(
            "INSERT INTO articles (url, feed_id, title, feed_date, updated, status, seen_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(e.url, feed.id, e.title, e.date, e.updated, PENDING, stamp) for e in fresh.values()],
        )
        db.executemany(
            "UPDATE articles SET updated = ?, status = ?, attempts = 0 WHERE url = ?",
            [(e.updated, REVISED, e.url) for e in changed],
        )
        db.execute(
            "UPDATE feeds SET etag = ?, modified = ?, polled_at = ?, error = '', failures = 0, "
            "retry_at = NULL WHERE id = ?",
            (etag, modified, stamp, feed.id),
        )
        db.commit()
    except BaseException:
        db.rollback()
        raise
    updated = len({e.url for e in changed})
    return len(fresh), updated, len(set(urls)) - len(fresh) - updated


def record_unchanged(db: Database, feed: Feed) -> None:
    db.execute(
        "UPDATE feeds SET polled_at = ?, error = '', failures = 0, retry_at = NULL WHERE id = ?",
        (now(), feed.id),
    )


def record_failure(db: Database, feed: Feed, error: str, retry_base: float) -> str:
    """Note a failed poll; the feed is retried after ``retry_base`` seconds, doubled
    for each failure in a row (at most a day). Returns the retry time."""
    failures = feed.failures + 1
    wait = min(retry_base * 2 ** (failures - 1), 86_400.0)
    retry = (datetime.now(timezone.utc) + timedelta(seconds=wait)).isoformat(timespec="seconds")
    db.execute(
        "UPDATE feeds SET polled_at = ?, error = ?, failures = ?, retry_at = ? WHERE id = ?",
        (now(), error, failures, retry, feed.id),
    )
    return retry


def pending_articles(db: Database, limit: int = 10_000) -> list[Pending]:
    """Articles to fetch: new ones, revised ones, and failed ones with tries left,
    oldest first."""
    rows = db.execute(
        "SELECT url, feed_id, title, feed_date, attempts, status FROM articles "
        "WHERE status = ? OR (status IN (?, ?) AND attempts < ?) ORDER BY seen_at, url LIMIT ?",
        (PENDING, REVISED, FAILED, MAX_ATTEMPTS, limit),
    )
    return [
        Pending(str(u), int(f), str(t), d, int(a), s == REVISED) for u, f, t, d, a, s in rows
    ]


def stored_from(db: Database, url: str) -> str | None:
    """The document already stored from this address, if any (an earlier, killed run)."""
    row = db.execute("SELECT doc_id FROM inputs WHERE origin = ? LIMIT 1", (url,)).fetchone()
    return str(row[0]) if row else None


def finish(
    db: Database,
    url: str,
    status: str,
    doc_id: str | None = None,
    error: str = "",
    final: bool = False,
) -> None:
    """An article's outcome; a failure counts one attempt and is tried again later (a
    revised one stays revised, so its new text is still fetched, not the stored one),
    unless it is ``final`` (a page gone for good, or over the size limit): then it is given
    up."""
    if status == FAILED:
        db.execute(
            "UPDATE articles SET status = CASE WHEN status = ? THEN ? ELSE ? END, error = ?, "
            "attempts = coalesce(?, attempts + 1) WHERE url = ?",
            (REVISED, REVISED, FAILED, error, MAX_ATTEMPTS if final else None, url),
        )
        return
    db.execute(
        "UPDATE articles SET status = ?, doc_id = ?, error = ?, attempts = attempts + 1, "
        "done_at = ? WHERE url = ?",
        (status, doc_id, error, now(), url),
    )


def totals(db: Database) -> dict[str, int]:
    """Articles by status, over all feeds."""
    return {
        str(status): int(count)
        for status, count in db.execute("SELECT status, count(*) FROM articles GROUP BY status")
    }
