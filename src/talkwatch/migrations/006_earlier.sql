-- The words that place a statement before its text's own time ("had demanded",
-- "previously"; talkwatch.earlier), empty for one taken in the text and for
-- statements stored before this column (re-ingest to mark them). Such a
-- statement stays in a side's history but sets no current stance and makes no
-- shift (talkwatch.analysis).

ALTER TABLE statements ADD COLUMN earlier TEXT NOT NULL DEFAULT ''
