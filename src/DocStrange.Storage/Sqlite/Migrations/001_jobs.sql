-- The job table is the queue: workers claim pending rows by pool and priority.
-- Times are Unix milliseconds (UTC); JSON columns hold snake_case documents.
CREATE TABLE jobs (
    id                TEXT PRIMARY KEY,
    state             TEXT NOT NULL CHECK (state IN ('pending', 'processing', 'completed', 'failed', 'cancelled')),
    owner_id          TEXT,
    pool              TEXT NOT NULL,
    priority          INTEGER NOT NULL,
    options           TEXT NOT NULL,
    file_name         TEXT NOT NULL,
    file_kind         TEXT NOT NULL,
    file_size         INTEGER NOT NULL,
    file_sha256       TEXT NOT NULL,
    input_key         TEXT NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    max_retries       INTEGER NOT NULL,
    progress          TEXT NOT NULL,
    lease_owner       TEXT,
    lease_expires_at  INTEGER,
    next_attempt_at   INTEGER,
    cancel_requested  INTEGER NOT NULL DEFAULT 0,
    error             TEXT,
    result            TEXT,
    result_expires_at INTEGER,
    purged            INTEGER NOT NULL DEFAULT 0,
    created_at        INTEGER NOT NULL,
    started_at        INTEGER,
    completed_at      INTEGER,
    version           INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX ix_jobs_queue ON jobs (pool, priority DESC, created_at, id) WHERE state = 'pending';
CREATE INDEX ix_jobs_leases ON jobs (lease_expires_at) WHERE state = 'processing';
CREATE INDEX ix_jobs_listing ON jobs (owner_id, created_at DESC, id DESC);

-- Append-only history: one row per transition (and per cancel request or purge).
CREATE TABLE job_events (
    job_id     TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    from_state TEXT,
    to_state   TEXT,
    actor      TEXT NOT NULL,
    message    TEXT,
    code       TEXT,
    PRIMARY KEY (job_id, seq)
);
