-- What each announced shift said (talkwatch.alerts), so that a revision which takes it
-- back is announced (talkwatch.retractions): the stances and the date of the shift as
-- announced (NULL for shifts announced before this version, which are withdrawn only
-- when they are gone), and a log of the shifts withdrawn since.

ALTER TABLE shift_alerts ADD COLUMN before_stance TEXT;
ALTER TABLE shift_alerts ADD COLUMN after_stance TEXT;
ALTER TABLE shift_alerts ADD COLUMN said_on TEXT;

CREATE TABLE shift_withdrawals (
    party         TEXT NOT NULL,
    issue         TEXT NOT NULL,
    after_id      INTEGER NOT NULL,
    before_stance TEXT,
    after_stance  TEXT,
    said_on       TEXT,
    now_before    TEXT,
    now_after     TEXT,
    withdrawn_at  TEXT NOT NULL,
    PRIMARY KEY (party, issue, after_id, withdrawn_at)
);

CREATE INDEX shift_withdrawals_when ON shift_withdrawals (withdrawn_at)
