-- Leaderships (e.g. of maintenance): one row per name, held by one process until expires_at; a
-- holder renews its row before then, and another may take a row whose time ran out.
CREATE TABLE leader_leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
