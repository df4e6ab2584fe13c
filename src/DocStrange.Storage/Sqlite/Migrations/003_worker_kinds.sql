-- The input kinds each worker converts (comma list of wire names), so API replicas refuse at once
-- what no live worker can read.
ALTER TABLE workers ADD COLUMN kinds TEXT NOT NULL DEFAULT '';
