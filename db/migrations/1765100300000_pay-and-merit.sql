-- Up Migration

-- CAL70: a person's pay (salary, currency, pay range), in a table of its own rather than columns
-- of people: nothing that reads people (the directory, the org chart, player cards) can carry it
-- by accident. Only db/src/calibration-pay.ts reads it, for those CAL76 allows.
CREATE TABLE person_pay (
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  salary numeric(14, 2) NOT NULL CHECK (salary > 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  range_min numeric(14, 2) NOT NULL CHECK (range_min > 0),
  range_mid numeric(14, 2) NOT NULL,
  range_max numeric(14, 2) NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, person_id),
  CHECK (range_min <= range_mid AND range_mid <= range_max),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id) ON DELETE CASCADE
);

-- CAL72, CAL73: the session's merit matrix ({"5":{"below":8,"within":7,"above":6},…}; null: the
-- default grid for its scale) and its budget, percent of the population's payroll.
ALTER TABLE calibration_sessions
  ADD COLUMN merit_matrix jsonb CHECK (merit_matrix IS NULL OR jsonb_typeof(merit_matrix) = 'object'),
  ADD COLUMN merit_budget_percent numeric(4, 2) NOT NULL DEFAULT 3
    CHECK (merit_budget_percent BETWEEN 0 AND 50);

-- CAL78: the participants who see pay (administrators always do, CAL76).
ALTER TABLE calibration_participants ADD COLUMN sees_pay boolean NOT NULL DEFAULT false;

-- Down Migration

ALTER TABLE calibration_participants DROP COLUMN sees_pay;
ALTER TABLE calibration_sessions DROP COLUMN merit_budget_percent, DROP COLUMN merit_matrix;
DROP TABLE person_pay;
