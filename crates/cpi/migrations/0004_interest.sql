-- The programme the citizen asks the office about (`ila`, `voucher`, `dote`, `orientamento`),
-- when they said; NULL for submissions that did not say, including every one stored before.
ALTER TABLE submissions ADD COLUMN interest TEXT;

CREATE INDEX submissions_by_interest ON submissions (office_id, interest, received_at);
