-- Up Migration

-- Check-ins made in a 1:1 (ONE18–ONE22), projected from the shared agenda (SYNC24): which goals
-- were checked in, in which meeting, to what and by whom. The row is also the server's record of
-- applying the check-in to the goal tree (ONE20): a node claims unapplied rows (`claimed_at`, a
-- claim older than 30 seconds is taken over), applies them through the goal tree's room, and
-- writes the outcome, so a replay, a restart or a second node never applies one twice.
CREATE TABLE one_on_one_check_ins (
  organisation_id uuid NOT NULL,
  series_id uuid NOT NULL,
  check_in_id text NOT NULL,
  meeting_id text NOT NULL,
  meeting_day date NOT NULL,
  goal_id uuid NOT NULL,
  cycle_id uuid NOT NULL,
  milestone_id text,
  value double precision NOT NULL,
  by_person_id uuid NOT NULL,
  at timestamptz NOT NULL,
  claimed_at timestamptz,
  -- applied | present | unchanged | missing-goal | missing-milestone | forbidden | closed
  outcome text,
  applied_at timestamptz,
  projected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, series_id, check_in_id),
  FOREIGN KEY (organisation_id, series_id) REFERENCES one_on_one_series (organisation_id, id)
    ON DELETE CASCADE
);
CREATE INDEX one_on_one_check_ins_goal ON one_on_one_check_ins (organisation_id, goal_id, at);
CREATE INDEX one_on_one_check_ins_pending ON one_on_one_check_ins (organisation_id, series_id)
  WHERE outcome IS NULL;

-- Down Migration

DROP TABLE one_on_one_check_ins;
