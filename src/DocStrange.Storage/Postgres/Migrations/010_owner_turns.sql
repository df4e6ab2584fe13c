-- Claims are fair between owners (the owner key is the one the claim groups by: jobs without an owner
-- share the empty one). Each owner's pending jobs in claim order, so the claim reads the jobs of the
-- owners it may serve owner by owner (without it SQLite reads every pending job once per owner); and
-- the newest start of an owner's jobs in a pool, so that among owners with as few jobs processing the
-- one served longest ago goes first (one seek per waiting owner).
CREATE INDEX ix_jobs_owner_queue ON jobs (pool, COALESCE(owner_id, ''), priority DESC, created_at, id) WHERE state = 'pending';
CREATE INDEX ix_jobs_owner_started ON jobs (pool, COALESCE(owner_id, ''), started_at) WHERE started_at IS NOT NULL;
