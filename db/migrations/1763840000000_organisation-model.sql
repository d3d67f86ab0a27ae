-- Up Migration

-- Tenancy: every row below carries organisation_id, and every reference between rows is a
-- composite foreign key on (organisation_id, id), so the schema itself refuses a manager, team or
-- session that belongs to another organisation.

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  parent_id uuid,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('department', 'team')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, id),
  CHECK (parent_id IS NULL OR parent_id <> id),
  FOREIGN KEY (organisation_id, parent_id) REFERENCES teams (organisation_id, id)
    ON DELETE SET NULL (parent_id)
);
-- CSV imports name teams, so a name identifies a team inside its organisation.
CREATE UNIQUE INDEX teams_name_per_organisation ON teams (organisation_id, lower(name));
CREATE INDEX teams_parent ON teams (organisation_id, parent_id);

-- One person is one account in one organisation (email is the sign-in name, unique everywhere).
CREATE TABLE people (
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  title text NOT NULL DEFAULT '',
  manager_id uuid,
  team_id uuid,
  location text NOT NULL DEFAULT 'office' CHECK (location IN ('remote', 'office', 'hybrid')),
  hire_date date,
  job_level text NOT NULL DEFAULT '',
  -- Where the salary sits in its pay range: 0 = bottom, 1 = top (above 1 = over the range).
  pay_range_position numeric(5, 4) CHECK (pay_range_position BETWEEN 0 AND 2),
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('admin', 'member')),
  status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'active', 'deactivated')),
  password_hash text,
  deactivated_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, id),
  CHECK (manager_id IS NULL OR manager_id <> id),
  CHECK ((status = 'deactivated') = (deactivated_at IS NOT NULL)),
  FOREIGN KEY (organisation_id, manager_id) REFERENCES people (organisation_id, id)
    ON DELETE SET NULL (manager_id),
  FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id)
    ON DELETE SET NULL (team_id)
);
CREATE UNIQUE INDEX people_email ON people (lower(email));
CREATE INDEX people_manager ON people (organisation_id, manager_id);
CREATE INDEX people_team ON people (organisation_id, team_id);
CREATE INDEX people_name ON people (organisation_id, lower(name));

-- Sessions follow the recipe that replaced the lucia package: the browser holds a random token,
-- the table holds only its SHA-256 hash. The sync server reads this same table.
CREATE TABLE sessions (
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_person ON sessions (person_id);

-- One-time, expiring links an admin creates; the invited person row exists with status 'invited'.
CREATE TABLE invitations (
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_by uuid,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, created_by) REFERENCES people (organisation_id, id)
    ON DELETE SET NULL (created_by)
);
CREATE INDEX invitations_person ON invitations (organisation_id, person_id);

CREATE TABLE cycles (
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'active', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, id),
  CHECK (ends_on > starts_on)
);
CREATE UNIQUE INDEX cycles_name_per_organisation ON cycles (organisation_id, lower(name));

-- Down Migration

DROP TABLE cycles;
DROP TABLE invitations;
DROP TABLE sessions;
DROP TABLE people;
DROP TABLE teams;
DROP TABLE organisations;
