-- A text that a later text from another input revises (the same title and most of its
-- sentences: an updated article saved under a new file name, or found at a new
-- address) is kept, with the later text's id here; its statements no longer count
-- towards positions, shifts and issue counts (talkwatch.revisions). NULL for the
-- rest, and for every text stored before this column.

ALTER TABLE documents ADD COLUMN superseded_by TEXT REFERENCES documents (id) ON DELETE SET NULL;

-- The texts of one title, found for each new text without reading every row.
CREATE INDEX documents_title ON documents (lower(title))
