-- The positions a watch has announced (talkwatch.alerts): a side's first position on
-- an issue is news, as a change of it is. One row per (party, issue) once announced;
-- the positions stored before the first watch are counted as announced then.

CREATE TABLE position_alerts (
    party      TEXT NOT NULL,
    issue      TEXT NOT NULL,
    alerted_at TEXT NOT NULL,
    PRIMARY KEY (party, issue)
)
