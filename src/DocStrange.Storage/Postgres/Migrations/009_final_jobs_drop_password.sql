-- A PDF's password is kept only while its job may still be converted; the final transition drops it from
-- the options. Jobs that ended before the stores did so lose it here.
UPDATE jobs SET options = (options::jsonb - 'password')::text
WHERE state IN ('completed', 'failed', 'cancelled')
  AND strpos(options, '"password"') > 0
  AND (options::jsonb -> 'password') IS NOT NULL;
