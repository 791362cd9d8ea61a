-- The orientatore's review of one submitted version. `revision` counts saves, so a save
-- based on an older revision is refused instead of overwriting another orientatore's work.
CREATE TABLE reviews (
    submission_id TEXT PRIMARY KEY REFERENCES submissions (id),
    revision BIGINT NOT NULL,
    reviewer_email TEXT NOT NULL,
    annotations_json TEXT NOT NULL,
    outcome TEXT,
    updated_at TEXT NOT NULL
);
