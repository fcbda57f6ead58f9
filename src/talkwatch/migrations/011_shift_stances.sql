-- The stances a stored shift moves between on its issue (talkwatch.standing): a
-- statement's own, or a demand where a conditional statement names the issue only in its
-- condition. NULL until the shift is computed again (the rules that need them are newer
-- than those stored, so every shift is).

ALTER TABLE shifts ADD COLUMN before_stance TEXT;
ALTER TABLE shifts ADD COLUMN after_stance TEXT
