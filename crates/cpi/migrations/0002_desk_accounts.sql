-- The review desk: orientatore accounts, each bound to one office, their sign-in sessions and
-- the failed sign-ins that throttle guessing. Only hashes of secrets are stored: the password
-- as an Argon2id PHC string, the session token as its SHA-256.
CREATE TABLE orientatori (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE desk_sessions (
    token_hash TEXT PRIMARY KEY,
    orientatore_id TEXT NOT NULL REFERENCES orientatori (id),
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    ended_at TEXT
);

CREATE INDEX desk_sessions_by_orientatore ON desk_sessions (orientatore_id);

-- One row per failed sign-in, by account (`account:<email>`) and by address (`address:<ip>`).
CREATE TABLE sign_in_failures (
    subject TEXT NOT NULL,
    failed_at TEXT NOT NULL
);

CREATE INDEX sign_in_failures_by_subject ON sign_in_failures (subject, failed_at);
