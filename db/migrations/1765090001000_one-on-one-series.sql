-- Up Migration

-- 1:1 series (ONE1): one per manager–employee reporting line while it holds. Its meetings,
-- agendas and notes live in its documents (one-on-one/<id>, private-notes/<id>/<person>,
-- one-on-one-mood/<id>); this row says who the two members are and how often they meet.

CREATE TABLE one_on_one_series (
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  manager_id uuid NOT NULL,
  employee_id uuid NOT NULL,
  cadence text NOT NULL CHECK (cadence IN ('weekly', 'biweekly', 'monthly')),
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  time_of_day time NOT NULL,
  starts_on date NOT NULL,
  -- Set when the reporting line ends (ONE3): the series is then read-only for both members.
  ended_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, id),
  CHECK (manager_id <> employee_id),
  CHECK (extract(isodow FROM starts_on) = weekday),
  FOREIGN KEY (organisation_id, manager_id) REFERENCES people (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, employee_id) REFERENCES people (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, created_by) REFERENCES people (organisation_id, id)
    ON DELETE SET NULL (created_by)
);
-- One running series per pair (ONE1).
CREATE UNIQUE INDEX one_on_one_series_running
  ON one_on_one_series (organisation_id, manager_id, employee_id) WHERE ended_at IS NULL;
CREATE INDEX one_on_one_series_manager ON one_on_one_series (organisation_id, manager_id);
CREATE INDEX one_on_one_series_employee ON one_on_one_series (organisation_id, employee_id);

-- ONE4: whether HR admins may read shared agendas (never private notes, never moods).
ALTER TABLE organisations ADD COLUMN hr_may_read_one_on_ones boolean NOT NULL DEFAULT false;

-- ONE3: a reporting line that changes ends the employee's running series with their former
-- manager, whichever code changed it.
CREATE FUNCTION end_series_of_changed_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE one_on_one_series s SET ended_at = now()
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE s.organisation_id = n.organisation_id AND s.employee_id = n.id
     AND s.ended_at IS NULL
     AND o.manager_id IS DISTINCT FROM n.manager_id
     AND s.manager_id IS DISTINCT FROM n.manager_id;
  RETURN NULL;
END
$$;

CREATE TRIGGER people_lines_end_series AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION end_series_of_changed_lines();

-- SYNC23: a series that ends or goes, and an organisation's HR setting, change who may open
-- which 1:1 document: open connections are re-checked on every node.
CREATE FUNCTION notify_series_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM notify_records_changed('one_on_one_series', organisation_id, ids)
       FROM (SELECT n.organisation_id, array_agg(n.id) AS ids
               FROM new_rows n JOIN old_rows o ON o.id = n.id
              WHERE (o.ended_at, o.manager_id, o.employee_id)
                    IS DISTINCT FROM (n.ended_at, n.manager_id, n.employee_id)
              GROUP BY n.organisation_id) changed;
  ELSE
    PERFORM notify_records_changed('one_on_one_series', organisation_id, ids)
       FROM (SELECT organisation_id, array_agg(id) AS ids FROM old_rows
              GROUP BY organisation_id) changed;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER one_on_one_series_updated AFTER UPDATE ON one_on_one_series
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_series_changed();
CREATE TRIGGER one_on_one_series_deleted AFTER DELETE ON one_on_one_series
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_series_changed();

CREATE FUNCTION notify_organisation_policy_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_records_changed('organisations', n.id, ARRAY[n.id])
     FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE o.hr_may_read_one_on_ones IS DISTINCT FROM n.hr_may_read_one_on_ones;
  RETURN NULL;
END
$$;

CREATE TRIGGER organisations_policy_changed AFTER UPDATE ON organisations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_organisation_policy_changed();

-- Down Migration

DROP TRIGGER organisations_policy_changed ON organisations;
DROP FUNCTION notify_organisation_policy_changed();
DROP TRIGGER one_on_one_series_deleted ON one_on_one_series;
DROP TRIGGER one_on_one_series_updated ON one_on_one_series;
DROP FUNCTION notify_series_changed();
DROP TRIGGER people_lines_end_series ON people;
DROP FUNCTION end_series_of_changed_lines();
ALTER TABLE organisations DROP COLUMN hr_may_read_one_on_ones;
DROP TABLE one_on_one_series;
