-- Positions kept up to date as documents arrive, so that `positions`,
-- `shifts` and `issues` read a few hundred rows instead of every statement.
-- Store.add marks the (party, issue) pairs a new document touches as stale;
-- talkwatch.standing recomputes exactly those pairs.

CREATE TABLE stale_positions (
    party TEXT NOT NULL,
    issue TEXT NOT NULL,
    PRIMARY KEY (party, issue)
);

CREATE TABLE positions (
    party        TEXT NOT NULL,
    issue        TEXT NOT NULL,
    stance       TEXT NOT NULL,
    date         TEXT,
    statement_id INTEGER NOT NULL,
    sourcing     TEXT NOT NULL,
    documents    INTEGER NOT NULL,
    support      TEXT NOT NULL,   -- JSON list of statement ids behind the current stance
    statements   INTEGER NOT NULL, -- position-taking statements of this side on this issue
    PRIMARY KEY (party, issue)
);

CREATE TABLE shifts (
    party     TEXT NOT NULL,
    issue     TEXT NOT NULL,
    before_id INTEGER NOT NULL,
    after_id  INTEGER NOT NULL,
    date      TEXT,                -- the date of the later statement
    walk_back INTEGER NOT NULL,
    PRIMARY KEY (party, issue, after_id)
);

-- Existing statements are taken in by the first refresh: a database whose
-- stored rules are not standing.RULES has every pair recomputed.

CREATE INDEX statements_party_stance ON statements(party, stance);
CREATE INDEX shifts_date ON shifts(date);
