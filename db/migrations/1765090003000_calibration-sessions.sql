-- Up Migration

-- Calibration sessions (PRODUCT §3, CAL rules in domain/SPEC.md). A session's configuration,
-- who takes part and whom it calibrates live here; the proposals and the board live in documents
-- (calibration-proposals/<session>/<manager>, calibration/<session>), because a Yjs document is
-- replicated whole and each one must hold only what everyone who opens it may read.

CREATE TABLE calibration_sessions (
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  cycle_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- draft → proposals → in_session → finalized; a facilitator may reopen a finalized one (back to
  -- in_session), which calibration_status_changes records.
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'proposals', 'in_session', 'finalized')),
  -- The rating scale, lowest first: [{"value":1,"label":"Below expectations"},…], 2 to 10 points.
  scale jsonb NOT NULL CHECK (jsonb_typeof(scale) = 'array'),
  -- Which rating values are low, medium and high performance on the 9-box:
  -- {"low":[1,2],"medium":[3],"high":[4,5]}.
  performance_bands jsonb NOT NULL CHECK (jsonb_typeof(performance_bands) = 'object'),
  -- The guideline distribution, percent per rating value: {"1":10,"2":20,…}, adding up to 100.
  guideline jsonb NOT NULL CHECK (jsonb_typeof(guideline) = 'object'),
  -- The department or team the population was drawn from (with everything under it), or null
  -- when people were picked one by one. The population itself is calibration_population.
  population_team_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, id),
  FOREIGN KEY (organisation_id, cycle_id) REFERENCES cycles (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, population_team_id) REFERENCES teams (organisation_id, id)
    ON DELETE SET NULL (population_team_id),
  FOREIGN KEY (organisation_id, created_by) REFERENCES people (organisation_id, id)
    ON DELETE SET NULL (created_by)
);
CREATE INDEX calibration_sessions_cycle ON calibration_sessions (organisation_id, cycle_id);

-- Leaders move cards; facilitators (HR) also change the session's state. Both write the board.
CREATE TABLE calibration_participants (
  organisation_id uuid NOT NULL,
  session_id uuid NOT NULL,
  person_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('leader', 'facilitator')),
  PRIMARY KEY (session_id, person_id),
  FOREIGN KEY (organisation_id, session_id) REFERENCES calibration_sessions (organisation_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX calibration_participants_person ON calibration_participants (organisation_id, person_id);

-- The people the session calibrates. Each one's proposal comes from their manager (people.manager_id).
CREATE TABLE calibration_population (
  organisation_id uuid NOT NULL,
  session_id uuid NOT NULL,
  person_id uuid NOT NULL,
  PRIMARY KEY (session_id, person_id),
  FOREIGN KEY (organisation_id, session_id) REFERENCES calibration_sessions (organisation_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX calibration_population_person ON calibration_population (organisation_id, person_id);

-- Every state change, who made it and why: reopening a finalized session leaves this trace.
CREATE TABLE calibration_status_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id uuid NOT NULL,
  session_id uuid NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  changed_by uuid,
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
  changed_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, session_id) REFERENCES calibration_sessions (organisation_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, changed_by) REFERENCES people (organisation_id, id)
    ON DELETE SET NULL (changed_by)
);
CREATE INDEX calibration_status_changes_session ON calibration_status_changes (session_id, changed_at);

-- The cycle's ratings once a session is finalized: what the employee and their managers see.
CREATE TABLE published_ratings (
  organisation_id uuid NOT NULL,
  cycle_id uuid NOT NULL,
  person_id uuid NOT NULL,
  session_id uuid NOT NULL,
  rating smallint NOT NULL,
  rating_label text NOT NULL,
  performance text NOT NULL CHECK (performance IN ('low', 'medium', 'high')),
  potential text NOT NULL CHECK (potential IN ('low', 'medium', 'high')),
  -- 1 = low performance and low potential … 9 = high and high (CAL rules name the boxes).
  box smallint NOT NULL CHECK (box BETWEEN 1 AND 9),
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, cycle_id, person_id),
  FOREIGN KEY (organisation_id, cycle_id) REFERENCES cycles (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, session_id) REFERENCES calibration_sessions (organisation_id, id)
    ON DELETE CASCADE
);
CREATE INDEX published_ratings_session ON published_ratings (session_id);

-- SYNC23: a session's state, participants and population decide who may open its documents and
-- whether they may write; a change re-checks open connections on every node.
CREATE FUNCTION notify_calibration_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM notify_records_changed('calibration_sessions', organisation_id, ids)
       FROM (SELECT n.organisation_id, array_agg(n.id) AS ids
               FROM new_rows n JOIN old_rows o ON o.id = n.id
              WHERE o.status IS DISTINCT FROM n.status
              GROUP BY n.organisation_id) changed;
  ELSE
    PERFORM notify_records_changed('calibration_sessions', organisation_id, ids)
       FROM (SELECT organisation_id, array_agg(id) AS ids FROM old_rows
              GROUP BY organisation_id) changed;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER calibration_sessions_updated AFTER UPDATE ON calibration_sessions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_calibration_session_changed();
CREATE TRIGGER calibration_sessions_deleted AFTER DELETE ON calibration_sessions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_calibration_session_changed();

-- Participants and population rows name their session: a change to either is a change to it.
CREATE FUNCTION notify_calibration_members_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM notify_records_changed('calibration_sessions', organisation_id, ids)
       FROM (SELECT organisation_id, array_agg(DISTINCT session_id) AS ids FROM old_rows
              GROUP BY organisation_id) changed;
  ELSE
    PERFORM notify_records_changed('calibration_sessions', organisation_id, ids)
       FROM (SELECT organisation_id, array_agg(DISTINCT session_id) AS ids FROM new_rows
              GROUP BY organisation_id) changed;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER calibration_participants_inserted AFTER INSERT ON calibration_participants
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_calibration_members_changed();
CREATE TRIGGER calibration_participants_deleted AFTER DELETE ON calibration_participants
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_calibration_members_changed();
CREATE TRIGGER calibration_population_inserted AFTER INSERT ON calibration_population
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_calibration_members_changed();
CREATE TRIGGER calibration_population_deleted AFTER DELETE ON calibration_population
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_calibration_members_changed();

-- Down Migration

DROP TRIGGER calibration_population_deleted ON calibration_population;
DROP TRIGGER calibration_population_inserted ON calibration_population;
DROP TRIGGER calibration_participants_deleted ON calibration_participants;
DROP TRIGGER calibration_participants_inserted ON calibration_participants;
DROP FUNCTION notify_calibration_members_changed();
DROP TRIGGER calibration_sessions_deleted ON calibration_sessions;
DROP TRIGGER calibration_sessions_updated ON calibration_sessions;
DROP FUNCTION notify_calibration_session_changed();
DROP TABLE published_ratings;
DROP TABLE calibration_status_changes;
DROP TABLE calibration_population;
DROP TABLE calibration_participants;
DROP TABLE calibration_sessions;
