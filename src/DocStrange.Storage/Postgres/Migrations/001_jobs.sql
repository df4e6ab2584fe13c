-- The job table is the queue: workers claim pending rows by pool and priority with
-- FOR UPDATE SKIP LOCKED. Times are Unix milliseconds (UTC), as in the embedded store, so one
-- row mapping serves both; JSON columns hold snake_case documents.
CREATE TABLE jobs (
    id                TEXT PRIMARY KEY,
    state             TEXT NOT NULL CHECK (state IN ('pending', 'processing', 'completed', 'failed', 'cancelled')),
    owner_id          TEXT,
    pool              TEXT NOT NULL,
    priority          BIGINT NOT NULL,
    options           TEXT NOT NULL,
    file_name         TEXT NOT NULL,
    file_kind         TEXT NOT NULL,
    file_size         BIGINT NOT NULL,
    file_sha256       TEXT NOT NULL,
    input_key         TEXT NOT NULL,
    attempts          BIGINT NOT NULL DEFAULT 0,
    max_retries       BIGINT NOT NULL,
    progress          TEXT NOT NULL,
    lease_owner       TEXT,
    lease_expires_at  BIGINT,
    next_attempt_at   BIGINT,
    cancel_requested  BOOLEAN NOT NULL DEFAULT FALSE,
    error             TEXT,
    result            TEXT,
    result_expires_at BIGINT,
    purged            BOOLEAN NOT NULL DEFAULT FALSE,
    created_at        BIGINT NOT NULL,
    started_at        BIGINT,
    completed_at      BIGINT,
    version           BIGINT NOT NULL DEFAULT 1
);

CREATE INDEX ix_jobs_queue ON jobs (pool, priority DESC, created_at, id) WHERE state = 'pending';
CREATE INDEX ix_jobs_leases ON jobs (lease_expires_at) WHERE state = 'processing';
CREATE INDEX ix_jobs_listing ON jobs (owner_id, created_at DESC, id DESC);

-- Append-only history: one row per transition (and per cancel request or purge).
CREATE TABLE job_events (
    job_id     TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq        BIGINT NOT NULL,
    at         BIGINT NOT NULL,
    kind       TEXT NOT NULL,
    from_state TEXT,
    to_state   TEXT,
    actor      TEXT NOT NULL,
    message    TEXT,
    code       TEXT,
    PRIMARY KEY (job_id, seq)
);
