-- Up Migration

-- ONE50: a node applies a series' pending check-ins inside one transaction holding their row
-- locks (SELECT … FOR UPDATE SKIP LOCKED) until each outcome is written, so no other node takes a
-- row over while its node still applies it; `claimed_at` now only says when a node last started
-- on the row. An apply that fails leaves the row pending for the next run or the sweep, and
-- counts the attempt: after ten the row is given up (outcome `failed`) rather than retried forever.
ALTER TABLE one_on_one_check_ins ADD COLUMN attempts integer NOT NULL DEFAULT 0;
COMMENT ON COLUMN one_on_one_check_ins.claimed_at IS
  'When a node last started applying the row (the row lock, not this, keeps other nodes off it).';

-- Down Migration

COMMENT ON COLUMN one_on_one_check_ins.claimed_at IS NULL;
ALTER TABLE one_on_one_check_ins DROP COLUMN attempts;
