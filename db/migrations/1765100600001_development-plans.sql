-- Up Migration

-- Skill gaps and development plans (ONE40–ONE48). The plans themselves are documents
-- (development-plan/<personId>); these tables are the organisation's skill list and what the
-- plans' projector writes (ONE46) for analytics (the most frequent gaps) and calibration's player
-- card (a plan's progress). Titles and notes stay in the documents.

CREATE TABLE skills (
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80 AND name = btrim(name)),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, id),
  FOREIGN KEY (organisation_id, created_by) REFERENCES people (organisation_id, id)
    ON DELETE SET NULL (created_by)
);
-- ONE40: names are unique ignoring case.
CREATE UNIQUE INDEX skills_name ON skills (organisation_id, lower(name));

CREATE TABLE skill_gaps (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  skill_id uuid NOT NULL,
  flagged_on date NOT NULL,
  flagged_by uuid,
  projected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, skill_id) REFERENCES skills (organisation_id, id)
    ON DELETE CASCADE
);
CREATE INDEX skill_gaps_skill ON skill_gaps (organisation_id, skill_id, flagged_on);
CREATE INDEX skill_gaps_person ON skill_gaps (organisation_id, person_id);

CREATE TABLE development_items (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  gap_id uuid,
  skill_id uuid,
  type text NOT NULL CHECK (type IN ('experience', 'social', 'formal')),
  status text NOT NULL CHECK (status IN ('not-started', 'in-progress', 'done')),
  owner_id uuid,
  created_at timestamptz NOT NULL,
  due_date date,
  done_at timestamptz,
  projected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, skill_id) REFERENCES skills (organisation_id, id)
    ON DELETE SET NULL (skill_id)
);
CREATE INDEX development_items_person ON development_items (organisation_id, person_id, status);

-- ONE41, SYNC23: a plan opens to its person's current manager, so a change of manager re-checks
-- the open connections to that person's plan (the former manager's included) on every node.
CREATE FUNCTION notify_development_plans_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_records_changed('development_plans', organisation_id, ids)
     FROM (SELECT n.organisation_id, array_agg(n.id) AS ids
             FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE o.manager_id IS DISTINCT FROM n.manager_id
            GROUP BY n.organisation_id) changed;
  RETURN NULL;
END
$$;

CREATE TRIGGER people_managers_development_plans AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_development_plans_changed();

-- Down Migration

DROP TRIGGER people_managers_development_plans ON people;
DROP FUNCTION notify_development_plans_changed();
DROP TABLE development_items;
DROP TABLE skill_gaps;
DROP TABLE skills;
