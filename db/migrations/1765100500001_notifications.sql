-- Up Migration

-- Notifications raised by the nudge job (NUD1–NUD4): one row per person and condition while it
-- holds. `key` names the condition (kind and subject), `subject` what a run must have seen to
-- clear it; `payload` is what the line says, read when it was raised.
CREATE TABLE notifications (
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('one-on-one-overdue', 'goal-stale', 'goal-stale-digest',
                                     'action-overdue', 'goal-approval')),
  key text NOT NULL,
  subject text NOT NULL,
  link text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  cleared_at timestamptz,
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id) ON DELETE CASCADE
);
-- NUD2: one open notification per person and condition, whichever process raises it.
CREATE UNIQUE INDEX notifications_open_key
  ON notifications (organisation_id, person_id, key) WHERE cleared_at IS NULL;
-- The bell and the list: a person's open notifications, newest first.
CREATE INDEX notifications_person_open
  ON notifications (organisation_id, person_id, created_at DESC) WHERE cleared_at IS NULL;

-- NUD20: kinds a person muted for themselves.
CREATE TABLE notification_mutes (
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('one-on-one-overdue', 'goal-stale', 'goal-stale-digest',
                                     'action-overdue', 'goal-approval')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, person_id, kind),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id) ON DELETE CASCADE
);

-- NUD17: whoever writes notifications (the job in any process, a person marking them read),
-- every web process hears which people to push a new state to. A big batch (the first run in a
-- large organisation) names the organisation instead: NOTIFY payloads stay under 8000 bytes.
CREATE FUNCTION notify_notifications_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed record;
BEGIN
  FOR changed IN
    SELECT organisation_id, array_agg(DISTINCT person_id) AS people FROM new_rows
     GROUP BY organisation_id
  LOOP
    IF cardinality(changed.people) > 150 THEN
      PERFORM pg_notify('threadline_notifications',
                        json_build_object('o', changed.organisation_id, 'all', true)::text);
    ELSE
      PERFORM pg_notify('threadline_notifications',
                        json_build_object('o', changed.organisation_id, 'p', changed.people)::text);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER notifications_inserted AFTER INSERT ON notifications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_notifications_changed();
CREATE TRIGGER notifications_updated AFTER UPDATE ON notifications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_notifications_changed();

-- NUD12: when a projected goal entered its state. The projector upserts rows; this keeps the
-- moment the state last changed (a row first written counts from the goal's creation, or its
-- approval when it arrives active).
ALTER TABLE goal_analytics ADD COLUMN state_since timestamptz;

CREATE FUNCTION goal_analytics_state_since() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.state_since := COALESCE(NEW.state_since,
                                CASE WHEN NEW.state = 'active' THEN NEW.approved_at END,
                                NEW.created_at, now());
  ELSIF NEW.state IS DISTINCT FROM OLD.state THEN
    NEW.state_since := now();
  ELSE
    NEW.state_since := OLD.state_since;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER goal_analytics_state_since BEFORE INSERT OR UPDATE ON goal_analytics
  FOR EACH ROW EXECUTE FUNCTION goal_analytics_state_since();

-- Down Migration

DROP TRIGGER goal_analytics_state_since ON goal_analytics;
DROP FUNCTION goal_analytics_state_since();
ALTER TABLE goal_analytics DROP COLUMN state_since;
DROP TRIGGER notifications_updated ON notifications;
DROP TRIGGER notifications_inserted ON notifications;
DROP FUNCTION notify_notifications_changed();
DROP TABLE notification_mutes;
DROP TABLE notifications;
