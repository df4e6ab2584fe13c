-- Live workers, for health and routing: each worker process upserts its row every few seconds and
-- deletes it when it stops; a row whose heartbeat is old belongs to a worker that died.
CREATE TABLE workers (
    worker_id    TEXT PRIMARY KEY,
    pool         TEXT NOT NULL,
    slots        BIGINT NOT NULL,
    busy         BIGINT NOT NULL,
    host         TEXT NOT NULL,
    started_at   BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL
);

CREATE INDEX ix_workers_heartbeat ON workers (pool, heartbeat_at);
