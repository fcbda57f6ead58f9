-- The statement and stance each announced first position rested on (talkwatch.alerts),
-- so that a revision that changes a side's first stance, or takes its position away, is
-- announced (talkwatch.retractions); NULL for positions announced before this version.
-- The log of withdrawals says whether a shift or a position was withdrawn.

ALTER TABLE position_alerts ADD COLUMN statement_id INTEGER;
ALTER TABLE position_alerts ADD COLUMN stance TEXT;
ALTER TABLE shift_withdrawals ADD COLUMN kind TEXT NOT NULL DEFAULT 'shift'
