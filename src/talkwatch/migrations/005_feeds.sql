-- Feeds that `talkwatch watch` polls, every article they linked to, and the
-- shifts already announced.
--
-- An article is keyed by its canonical URL. A poll writes the new links of a
-- feed as 'pending' in the same transaction as the feed's ETag, so a watcher
-- killed at any point finds them again; an article leaves 'pending' in the
-- transaction after its document is stored (see talkwatch.watch).

CREATE TABLE feeds (
    id        INTEGER PRIMARY KEY,
    url       TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    filter    TEXT NOT NULL DEFAULT '',   -- words, one of which an article must contain
    etag      TEXT NOT NULL DEFAULT '',
    modified  TEXT NOT NULL DEFAULT '',
    added_at  TEXT NOT NULL,
    polled_at TEXT,
    error     TEXT NOT NULL DEFAULT '',   -- why the last poll failed
    failures  INTEGER NOT NULL DEFAULT 0, -- polls failed in a row
    retry_at  TEXT                        -- not polled again before then
);

CREATE TABLE articles (
    url        TEXT PRIMARY KEY,
    feed_id    INTEGER NOT NULL,           -- the feed that linked it first
    title      TEXT NOT NULL DEFAULT '',
    feed_date  TEXT,
    updated    TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL,              -- pending, failed, ingested, duplicate, off-topic, no-article
    doc_id     TEXT,
    error      TEXT NOT NULL DEFAULT '',
    attempts   INTEGER NOT NULL DEFAULT 0,
    seen_at    TEXT NOT NULL,
    done_at    TEXT
);

CREATE INDEX articles_status ON articles(status, feed_id);

CREATE TABLE shift_alerts (
    party      TEXT NOT NULL,
    issue      TEXT NOT NULL,
    after_id   INTEGER NOT NULL,
    alerted_at TEXT NOT NULL,
    PRIMARY KEY (party, issue, after_id)
)
