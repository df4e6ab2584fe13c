-- Idempotency: one job per (owner, Idempotency-Key). Result cache: completed jobs found by the hash
-- of their file and canonical options.
ALTER TABLE jobs ADD COLUMN idempotency_key TEXT;
ALTER TABLE jobs ADD COLUMN request_hash TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX ux_jobs_idempotency ON jobs (COALESCE(owner_id, ''), idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX ix_jobs_cache ON jobs (request_hash, completed_at) WHERE state = 'completed';
