-- Up Migration

-- Analytics rows projected from goal-tree documents (GOAL19, GOAL20) by the sync server after
-- commits (SYNC24). The documents stay the source of truth: these tables are rewritten from them
-- and hold only what analytics pages read. Owner, team and people ids come from document content,
-- so they carry no foreign keys (a goal may name someone who has since been deleted).
CREATE TABLE goal_analytics (
  organisation_id uuid NOT NULL,
  cycle_id uuid NOT NULL,
  goal_id uuid NOT NULL,
  parent_id uuid,
  depth integer,
  title text NOT NULL,
  level text NOT NULL,
  state text NOT NULL,
  owner_id uuid,
  team_id uuid,
  metric_kind text NOT NULL,
  metric_start double precision,
  metric_target double precision,
  metric_current double precision,
  metric_unit text,
  direction text NOT NULL,
  progress double precision,
  health text,
  stale boolean NOT NULL,
  clarity integer NOT NULL,
  clarity_colour text NOT NULL,
  weight double precision NOT NULL,
  difficulty text NOT NULL,
  tags text[] NOT NULL,
  start_date date,
  due_date date,
  last_progress_at timestamptz,
  approved_by uuid,
  approved_at timestamptz,
  created_by uuid,
  created_at timestamptz,
  deleted boolean NOT NULL,
  projected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, cycle_id, goal_id),
  FOREIGN KEY (organisation_id, cycle_id) REFERENCES cycles (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX goal_analytics_owner ON goal_analytics (organisation_id, owner_id);
CREATE INDEX goal_analytics_team ON goal_analytics (organisation_id, team_id);

-- One row per check-in (GOAL20): the event id is the check-in's id, unique within its document,
-- so re-projecting a document rewrites the same rows.
CREATE TABLE goal_progress_events (
  organisation_id uuid NOT NULL,
  cycle_id uuid NOT NULL,
  event_id text NOT NULL,
  goal_id uuid NOT NULL,
  value double precision NOT NULL,
  progress double precision NOT NULL,
  at timestamptz NOT NULL,
  by_person_id uuid NOT NULL,
  PRIMARY KEY (organisation_id, cycle_id, event_id),
  FOREIGN KEY (organisation_id, cycle_id) REFERENCES cycles (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX goal_progress_events_goal ON goal_progress_events (organisation_id, goal_id, at);

-- Down Migration

DROP TABLE goal_progress_events;
DROP TABLE goal_analytics;
