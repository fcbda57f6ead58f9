-- The inputs (file or address, and the hash of their bytes) of documents removed with
-- 'documents remove' (talkwatch.documents): a watched folder does not read them again
-- (talkwatch.cli.watch); storing one again by name ('ingest FILE') forgets it here.

CREATE TABLE removed_inputs (
    origin     TEXT NOT NULL,
    raw_hash   TEXT NOT NULL,
    removed_at TEXT NOT NULL,
    PRIMARY KEY (origin, raw_hash)
)
