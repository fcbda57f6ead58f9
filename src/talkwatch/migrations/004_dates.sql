-- Where a document's date came from (talkwatch.dates.dated): given,
-- metadata, feed, url, dateline, file name, or set (talkwatch documents
-- set-date); empty when the document is undated or was stored before.

ALTER TABLE documents ADD COLUMN date_source TEXT NOT NULL DEFAULT '';

CREATE INDEX documents_date ON documents(date)
