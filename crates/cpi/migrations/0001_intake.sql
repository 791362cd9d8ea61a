-- Submissions received from citizens, one row per version sent. Portable SQL for SQLite and
-- PostgreSQL; {blob} is BLOB on SQLite and BYTEA on PostgreSQL. Times are RFC 3339 UTC text.
CREATE TABLE submissions (
    id TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    request_sha256 TEXT NOT NULL,
    receipt_code TEXT NOT NULL UNIQUE,
    office_id TEXT NOT NULL,
    draft_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    status TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    libretto_json TEXT NOT NULL,
    evidence_json TEXT NOT NULL,
    response_json TEXT NOT NULL,
    received_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX submissions_by_office ON submissions (office_id, status, received_at);
CREATE INDEX submissions_by_draft ON submissions (draft_id, version);

-- Evidence files as received, checked by hash and sniffed type before they get here.
CREATE TABLE evidence_files (
    submission_id TEXT NOT NULL REFERENCES submissions (id),
    sha256 TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    bytes {blob} NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (submission_id, sha256)
);
