-- Up Migration

-- Goal achievement (CAL42) in one place: the mean progress, capped to 0–1, of a person's active
-- and done goals with progress in a cycle, deleted goals left out, with how many goals it is of.
-- The calibration board's player cards (db/src/calibration-players.ts) and the calibration
-- dashboard's flags (ANA23, db/src/analytics/calibration.ts) read it; each used to spell it out.
-- Queries filter it by organisation and cycle, which PostgreSQL applies before grouping.
CREATE VIEW goal_achievement AS
SELECT organisation_id, cycle_id, owner_id AS person_id,
       avg(LEAST(GREATEST(progress, 0), 1)) AS achievement, count(*)::int AS goals
  FROM goal_analytics
 WHERE state IN ('active', 'done') AND NOT deleted AND progress IS NOT NULL
   AND owner_id IS NOT NULL
 GROUP BY organisation_id, cycle_id, owner_id;

-- Down Migration

DROP VIEW goal_achievement;
