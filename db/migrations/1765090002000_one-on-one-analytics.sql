-- Up Migration

-- 1:1 analytics (SYNC24, ONE15): what the series' documents hold, projected into rows after each
-- commit. Private notes are never projected. Moods sit in a table of their own: analytics read
-- them only as aggregates of five people or more (PRODUCT: never an individual's mood).

CREATE TABLE one_on_one_meeting_analytics (
  organisation_id uuid NOT NULL,
  series_id uuid NOT NULL,
  meeting_id text NOT NULL,
  date date NOT NULL,
  cancelled boolean NOT NULL,
  points integer NOT NULL,
  points_done integer NOT NULL,
  actions_raised integer NOT NULL,
  projected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, series_id, meeting_id),
  FOREIGN KEY (organisation_id, series_id) REFERENCES one_on_one_series (organisation_id, id)
    ON DELETE CASCADE
);
CREATE INDEX one_on_one_meeting_analytics_date ON one_on_one_meeting_analytics (organisation_id, date);

CREATE TABLE one_on_one_action_analytics (
  organisation_id uuid NOT NULL,
  series_id uuid NOT NULL,
  action_id uuid NOT NULL,
  owner_id uuid,
  due_date date,
  raised_on date,
  done boolean NOT NULL,
  done_at timestamptz,
  -- As of the projection (re-projected hourly, as the date moves).
  overdue boolean NOT NULL,
  times_carried integer NOT NULL,
  deleted boolean NOT NULL,
  projected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, series_id, action_id),
  FOREIGN KEY (organisation_id, series_id) REFERENCES one_on_one_series (organisation_id, id)
    ON DELETE CASCADE
);

CREATE TABLE one_on_one_mood_analytics (
  organisation_id uuid NOT NULL,
  series_id uuid NOT NULL,
  meeting_id text NOT NULL,
  employee_id uuid NOT NULL,
  value smallint NOT NULL CHECK (value BETWEEN 1 AND 5),
  at timestamptz NOT NULL,
  projected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, series_id, meeting_id),
  FOREIGN KEY (organisation_id, series_id) REFERENCES one_on_one_series (organisation_id, id)
    ON DELETE CASCADE
);

-- Down Migration

DROP TABLE one_on_one_mood_analytics;
DROP TABLE one_on_one_action_analytics;
DROP TABLE one_on_one_meeting_analytics;
