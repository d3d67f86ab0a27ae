-- Up Migration

-- The dashboards' queries (db/src/analytics/, ANA rules): walking a theme's cascade down from a
-- goal, and a date range of moods. The other reads use the tables' keys and existing indexes.
CREATE INDEX goal_analytics_parent ON goal_analytics (organisation_id, cycle_id, parent_id);
CREATE INDEX one_on_one_mood_analytics_at ON one_on_one_mood_analytics (organisation_id, at);
CREATE INDEX one_on_one_action_analytics_raised
  ON one_on_one_action_analytics (organisation_id, raised_on);

-- Down Migration

DROP INDEX one_on_one_action_analytics_raised;
DROP INDEX one_on_one_mood_analytics_at;
DROP INDEX goal_analytics_parent;
