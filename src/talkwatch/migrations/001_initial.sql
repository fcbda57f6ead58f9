-- talkwatch schema, version 1.
-- Documents are keyed by the SHA-256 of their cleaned text; every span is a
-- pair of character offsets into documents.text.

CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    origin      TEXT NOT NULL,
    url         TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    date        TEXT,
    text        TEXT NOT NULL,
    original    TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE sections (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name   TEXT NOT NULL CHECK (name IN ('body', 'comments')),
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    PRIMARY KEY (doc_id, name)
);

-- One row per raw input seen (file path or URL and the hash of its bytes), so
-- an unchanged input is skipped before it is decoded, cleaned or parsed.
CREATE TABLE inputs (
    origin   TEXT NOT NULL,
    raw_hash TEXT NOT NULL,
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (origin, raw_hash)
);

CREATE TABLE statements (
    id              INTEGER PRIMARY KEY,
    doc_id          TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    quote           TEXT NOT NULL,
    quote_spans     TEXT NOT NULL,          -- JSON [[start, end], ...]
    start           INTEGER NOT NULL,       -- first quote part
    "end"           INTEGER NOT NULL,       -- last quote part
    speaker         TEXT NOT NULL,
    party           TEXT NOT NULL,
    source          TEXT NOT NULL,
    kind            TEXT NOT NULL,
    stance          TEXT NOT NULL,
    section         TEXT NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    cue             TEXT NOT NULL DEFAULT '',
    cue_start       INTEGER,
    cue_end         INTEGER,
    speaker_mention TEXT NOT NULL DEFAULT '',
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    actor_id        TEXT NOT NULL DEFAULT '',
    issue_evidence  TEXT NOT NULL DEFAULT '[]',   -- JSON list of words
    stance_reason   TEXT NOT NULL DEFAULT '',
    date            TEXT,
    extras          TEXT NOT NULL DEFAULT '{}'    -- JSON object
);

CREATE TABLE statement_issues (
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    issue        TEXT NOT NULL,
    PRIMARY KEY (statement_id, issue)
);

CREATE INDEX statements_doc ON statements(doc_id, start);
CREATE INDEX statements_speaker ON statements(speaker COLLATE NOCASE);
CREATE INDEX statements_party_date ON statements(party, date);
CREATE INDEX statements_date ON statements(date);
CREATE INDEX statement_issues_issue ON statement_issues(issue, statement_id);
CREATE INDEX documents_name ON documents(name);
