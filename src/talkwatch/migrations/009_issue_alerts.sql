-- The status of each issue a watch last announced (talkwatch.status_alerts): open,
-- contested or converging. An issue without a row was never announced, as open.

CREATE TABLE issue_alerts (
    issue      TEXT PRIMARY KEY,
    status     TEXT NOT NULL,
    alerted_at TEXT NOT NULL
)
