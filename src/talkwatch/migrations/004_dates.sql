-- Where a document's date came from (talkwatch.dates.dated): given,
-- metadata, feed, url, dateline, file name, or set (talkwatch documents
-- set-date); empty when the document is undated or was stored before.

ALTER TABLE documents ADD COLUMN date_source TEXT NOT NULL DEFAULT '';

-- The site a web page came from (its name in the page's metadata, else its host).
ALTER TABLE documents ADD COLUMN site TEXT NOT NULL DEFAULT '';

CREATE INDEX documents_date ON documents(date)
