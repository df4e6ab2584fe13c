-- Admission counts an owner's active jobs on every submission: pending and processing rows by owner.
-- (Usage by day and month reads ix_jobs_listing, which is already ordered by owner and created_at.)
CREATE INDEX ix_jobs_owner_active ON jobs (owner_id, state) WHERE state IN ('pending', 'processing');
