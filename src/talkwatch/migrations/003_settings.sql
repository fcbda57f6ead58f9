-- Settings kept with the data, in a table both stores have (SQLite's
-- PRAGMA user_version has no PostgreSQL counterpart). standing.RULES is
-- stored as 'rules'; a database upgraded from version 2 has none, so its
-- positions are recomputed once by the next refresh.

CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
