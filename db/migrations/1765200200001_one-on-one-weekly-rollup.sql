-- Up Migration

-- The 1:1 dashboard's weekly roll-up (ANA30, ANA31): held meetings, action items opened and done,
-- and moods, per week and per employee's team and manager, kept by triggers whenever the 1:1
-- projector (or anything else) writes the projected rows, and whenever someone's team or manager
-- changes. A year of a 5,000-person organisation's 1:1s is some 700,000 projected rows; summing
-- them per request took seconds, the roll-up holds one row per team, manager and week.
--
-- The key is the employee's team and manager *now*, so every scope the dashboards have reads
-- whole rows: the organisation (every row), a team and everything under it (team_id), and a
-- manager's reporting tree, whose employees are exactly those whose manager is in the tree
-- (manager_id). The nil uuid stands for "none" so the key can be a primary key.
--
-- Moods (ANA7): each person counts once a week, by their own median that week, which for
-- ratings of 1–5 is one of nine values (1, 1.5, … 5). `moods` counts the people at each of them,
-- so a group's median is read exactly from the sums of its rows (one_on_one_mood_median) and no
-- individual value is ever stored here.
CREATE TABLE one_on_one_weeks (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  team_id uuid NOT NULL,
  manager_id uuid NOT NULL,
  -- The Monday (UTC) starting the week (ANA9).
  week date NOT NULL,
  meetings integer NOT NULL,
  actions_opened integer NOT NULL,
  actions_done integer NOT NULL,
  mood_people integer NOT NULL,
  moods integer[] NOT NULL CHECK (cardinality(moods) = 9),
  PRIMARY KEY (organisation_id, week, team_id, manager_id)
);
CREATE INDEX one_on_one_weeks_key ON one_on_one_weeks (organisation_id, team_id, manager_id);

-- ANA7: the median of the people counted in a nine-bucket histogram (bucket i is the value
-- (i + 1) / 2); the mean of the two middle people for an even count, null for nobody.
CREATE FUNCTION one_on_one_mood_median(counts bigint[]) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (min(value) FILTER (WHERE below >= floor((total + 1) / 2))
          + min(value) FILTER (WHERE below >= floor(total / 2) + 1)) / 2
    FROM (SELECT (i + 1) / 2.0 AS value, sum(c) OVER (ORDER BY i) AS below,
                 sum(c) OVER () AS total
            FROM unnest(counts) WITH ORDINALITY AS u (c, i)) buckets
$$;

-- Rewrites the roll-up rows of some keys (team, manager; the nil uuid for none) from the
-- projected rows of the people who sit there now: the weeks from the one holding `since` on, or
-- every week (null). A projection rewrites a series' recent meetings, so most refreshes read a
-- few weeks of a few people.
CREATE FUNCTION refresh_one_on_one_weeks(org uuid, team_ids uuid[], manager_ids uuid[],
                                         since date)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  nil CONSTANT uuid := '00000000-0000-0000-0000-000000000000';
  monday CONSTANT date := COALESCE(date_trunc('week', since::timestamp)::date, '-infinity');
  -- The same Monday as a moment (UTC), for the timestamps.
  from_at CONSTANT timestamptz := monday::timestamp AT TIME ZONE 'UTC';
BEGIN
  -- Two transactions rewriting one key would each miss the other's rows: one at a time per
  -- organisation (a projection's transaction is short).
  PERFORM pg_advisory_xact_lock(hashtext('one_on_one_weeks'), hashtext(org::text));
  DELETE FROM one_on_one_weeks w
   USING (SELECT DISTINCT * FROM unnest(team_ids, manager_ids) AS k (team_id, manager_id)) k
   WHERE w.organisation_id = org AND w.team_id = k.team_id AND w.manager_id = k.manager_id
     AND w.week >= monday;
  INSERT INTO one_on_one_weeks (organisation_id, team_id, manager_id, week, meetings,
                                actions_opened, actions_done, mood_people, moods)
  WITH keys AS (
    SELECT DISTINCT * FROM unnest(team_ids, manager_ids) AS k (team_id, manager_id)
  ), members AS (
    SELECT p.id, k.team_id, k.manager_id
      FROM people p
      JOIN keys k ON k.team_id = COALESCE(p.team_id, nil)
                 AND k.manager_id = COALESCE(p.manager_id, nil)
     WHERE p.organisation_id = org
  ), facts AS (
    SELECT s.employee_id, date_trunc('week', a.date::timestamp)::date AS week,
           1 AS meetings, 0 AS opened, 0 AS done, NULL::smallint AS mood
      FROM one_on_one_series s
      JOIN one_on_one_meeting_analytics a ON a.organisation_id = s.organisation_id
                                         AND a.series_id = s.id
     WHERE s.organisation_id = org AND s.employee_id IN (SELECT id FROM members)
       AND NOT a.cancelled AND a.date >= monday
    UNION ALL
    SELECT s.employee_id, date_trunc('week', a.raised_on::timestamp)::date, 0, 1, 0, NULL
      FROM one_on_one_series s
      JOIN one_on_one_action_analytics a ON a.organisation_id = s.organisation_id
                                        AND a.series_id = s.id
     WHERE s.organisation_id = org AND s.employee_id IN (SELECT id FROM members)
       AND NOT a.deleted AND a.raised_on >= monday
    UNION ALL
    SELECT s.employee_id, date_trunc('week', a.done_at AT TIME ZONE 'UTC')::date, 0, 0, 1, NULL
      FROM one_on_one_series s
      JOIN one_on_one_action_analytics a ON a.organisation_id = s.organisation_id
                                        AND a.series_id = s.id
     WHERE s.organisation_id = org AND s.employee_id IN (SELECT id FROM members)
       AND NOT a.deleted AND a.done AND a.done_at >= from_at
    UNION ALL
    SELECT m.employee_id, date_trunc('week', m.at AT TIME ZONE 'UTC')::date, 0, 0, 0, m.value
      FROM one_on_one_mood_analytics m
     WHERE m.organisation_id = org AND m.employee_id IN (SELECT id FROM members)
       AND m.at >= from_at
  ), per_person AS (
    SELECT employee_id, week, sum(meetings) AS meetings, sum(opened) AS opened,
           sum(done) AS done,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY mood) AS mood
      FROM facts GROUP BY employee_id, week
  )
  SELECT org, m.team_id, m.manager_id, pp.week, sum(pp.meetings), sum(pp.opened), sum(pp.done),
         count(pp.mood),
         ARRAY[count(*) FILTER (WHERE pp.mood = 1), count(*) FILTER (WHERE pp.mood = 1.5),
               count(*) FILTER (WHERE pp.mood = 2), count(*) FILTER (WHERE pp.mood = 2.5),
               count(*) FILTER (WHERE pp.mood = 3), count(*) FILTER (WHERE pp.mood = 3.5),
               count(*) FILTER (WHERE pp.mood = 4), count(*) FILTER (WHERE pp.mood = 4.5),
               count(*) FILTER (WHERE pp.mood = 5)]::integer[]
    FROM per_person pp JOIN members m ON m.id = pp.employee_id
   GROUP BY m.team_id, m.manager_id, pp.week;
END
$$;

-- The keys of some employees, as they sit now.
CREATE FUNCTION refresh_one_on_one_weeks_of(org uuid, employees uuid[], since date)
RETURNS void LANGUAGE sql AS $$
  SELECT refresh_one_on_one_weeks(org, array_agg(t), array_agg(m), since)
    FROM (SELECT DISTINCT COALESCE(team_id, '00000000-0000-0000-0000-000000000000') AS t,
                 COALESCE(manager_id, '00000000-0000-0000-0000-000000000000') AS m
            FROM people WHERE organisation_id = org AND id = ANY(employees)) keys
$$;

-- The keys of the employees of some series.
CREATE FUNCTION refresh_one_on_one_weeks_of_series(org uuid, series uuid[], since date)
RETURNS void LANGUAGE sql AS $$
  SELECT refresh_one_on_one_weeks_of(org, array_agg(employee_id), since)
    FROM one_on_one_series WHERE organisation_id = org AND id = ANY(series)
$$;

-- What changed, and the earliest day a changed row had or has, which bounds the weeks rewritten.
-- Meetings and action items name their series (whose employee they count for); moods their
-- employee. An upsert fires the insert trigger for its new rows and the update one for the rest.
CREATE FUNCTION one_on_one_meetings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_one_on_one_weeks_of_series(organisation_id, array_agg(DISTINCT series_id),
                                               min(date))
       FROM new_rows GROUP BY organisation_id;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM refresh_one_on_one_weeks_of_series(organisation_id, array_agg(DISTINCT series_id),
                                               min(date))
       FROM (SELECT organisation_id, series_id, date FROM new_rows
             UNION ALL SELECT organisation_id, series_id, date FROM old_rows) changed
      GROUP BY organisation_id;
  ELSE
    PERFORM refresh_one_on_one_weeks_of_series(organisation_id, array_agg(DISTINCT series_id),
                                               min(date))
       FROM old_rows GROUP BY organisation_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION one_on_one_actions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_one_on_one_weeks_of_series(organisation_id, array_agg(DISTINCT series_id),
                                               min(LEAST(raised_on, (done_at AT TIME ZONE 'UTC')::date)))
       FROM new_rows GROUP BY organisation_id;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM refresh_one_on_one_weeks_of_series(organisation_id, array_agg(DISTINCT series_id),
                                               min(LEAST(raised_on, (done_at AT TIME ZONE 'UTC')::date)))
       FROM (SELECT organisation_id, series_id, raised_on, done_at FROM new_rows
             UNION ALL SELECT organisation_id, series_id, raised_on, done_at FROM old_rows) changed
      GROUP BY organisation_id;
  ELSE
    PERFORM refresh_one_on_one_weeks_of_series(organisation_id, array_agg(DISTINCT series_id),
                                               min(LEAST(raised_on, (done_at AT TIME ZONE 'UTC')::date)))
       FROM old_rows GROUP BY organisation_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION one_on_one_moods_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_one_on_one_weeks_of(organisation_id, array_agg(DISTINCT employee_id),
                                        min((at AT TIME ZONE 'UTC')::date))
       FROM new_rows GROUP BY organisation_id;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM refresh_one_on_one_weeks_of(organisation_id, array_agg(DISTINCT employee_id),
                                        min((at AT TIME ZONE 'UTC')::date))
       FROM (SELECT organisation_id, employee_id, at FROM new_rows
             UNION ALL SELECT organisation_id, employee_id, at FROM old_rows) changed
      GROUP BY organisation_id;
  ELSE
    PERFORM refresh_one_on_one_weeks_of(organisation_id, array_agg(DISTINCT employee_id),
                                        min((at AT TIME ZONE 'UTC')::date))
       FROM old_rows GROUP BY organisation_id;
  END IF;
  RETURN NULL;
END
$$;

-- Someone who changes team or manager (or leaves) takes their weeks from the old key to the new.
CREATE FUNCTION one_on_one_people_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  nil CONSTANT uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM refresh_one_on_one_weeks(organisation_id, array_agg(t), array_agg(m), NULL)
       FROM (SELECT n.organisation_id, COALESCE(n.team_id, nil) AS t,
                    COALESCE(n.manager_id, nil) AS m
               FROM new_rows n JOIN old_rows o ON o.id = n.id
              WHERE n.team_id IS DISTINCT FROM o.team_id
                 OR n.manager_id IS DISTINCT FROM o.manager_id
             UNION
             SELECT o.organisation_id, COALESCE(o.team_id, nil), COALESCE(o.manager_id, nil)
               FROM new_rows n JOIN old_rows o ON o.id = n.id
              WHERE n.team_id IS DISTINCT FROM o.team_id
                 OR n.manager_id IS DISTINCT FROM o.manager_id) keys
      GROUP BY organisation_id;
  ELSE
    PERFORM refresh_one_on_one_weeks(organisation_id, array_agg(t), array_agg(m), NULL)
       FROM (SELECT DISTINCT organisation_id, COALESCE(team_id, nil) AS t,
                    COALESCE(manager_id, nil) AS m
               FROM old_rows) keys
      GROUP BY organisation_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER one_on_one_weeks_meetings_inserted AFTER INSERT ON one_on_one_meeting_analytics
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION one_on_one_meetings_changed();
CREATE TRIGGER one_on_one_weeks_meetings_updated AFTER UPDATE ON one_on_one_meeting_analytics
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION one_on_one_meetings_changed();
CREATE TRIGGER one_on_one_weeks_meetings_deleted AFTER DELETE ON one_on_one_meeting_analytics
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION one_on_one_meetings_changed();
CREATE TRIGGER one_on_one_weeks_actions_inserted AFTER INSERT ON one_on_one_action_analytics
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION one_on_one_actions_changed();
CREATE TRIGGER one_on_one_weeks_actions_updated AFTER UPDATE ON one_on_one_action_analytics
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION one_on_one_actions_changed();
CREATE TRIGGER one_on_one_weeks_actions_deleted AFTER DELETE ON one_on_one_action_analytics
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION one_on_one_actions_changed();
CREATE TRIGGER one_on_one_weeks_moods_inserted AFTER INSERT ON one_on_one_mood_analytics
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION one_on_one_moods_changed();
CREATE TRIGGER one_on_one_weeks_moods_updated AFTER UPDATE ON one_on_one_mood_analytics
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION one_on_one_moods_changed();
CREATE TRIGGER one_on_one_weeks_moods_deleted AFTER DELETE ON one_on_one_mood_analytics
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION one_on_one_moods_changed();
CREATE TRIGGER one_on_one_weeks_people_moved AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION one_on_one_people_moved();
CREATE TRIGGER one_on_one_weeks_people_deleted AFTER DELETE ON people
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION one_on_one_people_moved();

-- The organisations already projected.
SELECT refresh_one_on_one_weeks_of(organisation_id, array_agg(id), NULL)
  FROM people GROUP BY organisation_id;

-- The rest of the 1:1 dashboard reads the projected rows directly (ANA31): each series' last
-- meeting held (cadence, ANA16), and the action items still open at a day (ANA18).
CREATE INDEX one_on_one_meeting_analytics_held
  ON one_on_one_meeting_analytics (organisation_id, series_id, date) WHERE NOT cancelled;
CREATE INDEX one_on_one_action_analytics_open
  ON one_on_one_action_analytics
     (organisation_id, (CASE WHEN done THEN done_at ELSE 'infinity'::timestamptz END))
  WHERE NOT deleted;

-- Down Migration

DROP INDEX one_on_one_action_analytics_open;
DROP INDEX one_on_one_meeting_analytics_held;
DROP TRIGGER one_on_one_weeks_people_deleted ON people;
DROP TRIGGER one_on_one_weeks_people_moved ON people;
DROP TRIGGER one_on_one_weeks_moods_deleted ON one_on_one_mood_analytics;
DROP TRIGGER one_on_one_weeks_moods_updated ON one_on_one_mood_analytics;
DROP TRIGGER one_on_one_weeks_moods_inserted ON one_on_one_mood_analytics;
DROP TRIGGER one_on_one_weeks_actions_deleted ON one_on_one_action_analytics;
DROP TRIGGER one_on_one_weeks_actions_updated ON one_on_one_action_analytics;
DROP TRIGGER one_on_one_weeks_actions_inserted ON one_on_one_action_analytics;
DROP TRIGGER one_on_one_weeks_meetings_deleted ON one_on_one_meeting_analytics;
DROP TRIGGER one_on_one_weeks_meetings_updated ON one_on_one_meeting_analytics;
DROP TRIGGER one_on_one_weeks_meetings_inserted ON one_on_one_meeting_analytics;
DROP FUNCTION one_on_one_people_moved();
DROP FUNCTION one_on_one_moods_changed();
DROP FUNCTION one_on_one_actions_changed();
DROP FUNCTION refresh_one_on_one_weeks_of(uuid, uuid[]);
DROP FUNCTION refresh_one_on_one_weeks(uuid, uuid[], uuid[]);
DROP FUNCTION one_on_one_mood_median(bigint[]);
DROP TABLE one_on_one_weeks;
