-- A PDF's password is kept only while its job may still be converted; the final transition drops it from
-- the options. Jobs that ended before the stores did so lose it here.
UPDATE jobs SET options = json_remove(options, '$.password')
WHERE state IN ('completed', 'failed', 'cancelled')
  AND instr(options, '"password"') > 0
  AND json_extract(options, '$.password') IS NOT NULL;
