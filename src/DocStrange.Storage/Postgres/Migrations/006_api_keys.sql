-- API keys: only the SHA-256 of each secret is kept (unique, the look-up of every request), with a
-- short prefix to recognise the key by. Tenancy: the result cache is looked up per owner.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    owner TEXT,
    tier TEXT NOT NULL,
    prefix TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    limits TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT,
    rotated_at BIGINT,
    last_used_at BIGINT
);
CREATE UNIQUE INDEX ux_api_keys_secret_hash ON api_keys (secret_hash);
DROP INDEX ix_jobs_cache;
CREATE INDEX ix_jobs_cache ON jobs (COALESCE(owner_id, ''), request_hash, completed_at) WHERE state = 'completed';
