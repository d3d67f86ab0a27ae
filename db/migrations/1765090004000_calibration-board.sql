-- Up Migration

-- The calibration documents projected for the server and for analytics (CAL22, CAL23, SYNC24).
-- The documents are the truth; these rows follow them after each flush.

-- Each manager's proposals (calibration-proposals/<session>/<manager>): the server reads them to
-- list the proposals still missing and to build the board when the session starts (CAL16), so
-- no browser needs to hold another manager's document.
CREATE TABLE calibration_proposals (
  organisation_id uuid NOT NULL,
  session_id uuid NOT NULL,
  person_id uuid NOT NULL,
  manager_id uuid NOT NULL,
  rating smallint NOT NULL,
  potential text NOT NULL CHECK (potential IN ('low', 'medium', 'high')),
  rationale text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, person_id),
  FOREIGN KEY (organisation_id, session_id) REFERENCES calibration_sessions (organisation_id, id)
    ON DELETE CASCADE
);
CREATE INDEX calibration_proposals_manager ON calibration_proposals (organisation_id, manager_id);

-- The board (calibration/<session>): each card's original and current place and box.
CREATE TABLE calibration_cards (
  organisation_id uuid NOT NULL,
  session_id uuid NOT NULL,
  person_id uuid NOT NULL,
  original_rating smallint,
  original_potential text CHECK (original_potential IN ('low', 'medium', 'high')),
  original_box smallint CHECK (original_box BETWEEN 1 AND 9),
  current_rating smallint,
  current_potential text CHECK (current_potential IN ('low', 'medium', 'high')),
  current_box smallint CHECK (current_box BETWEEN 1 AND 9),
  moves integer NOT NULL DEFAULT 0,
  projected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, person_id),
  FOREIGN KEY (organisation_id, session_id) REFERENCES calibration_sessions (organisation_id, id)
    ON DELETE CASCADE
);

-- Every move on the board, with its justification: written once, never changed (CAL18).
CREATE TABLE calibration_moves (
  organisation_id uuid NOT NULL,
  session_id uuid NOT NULL,
  move_id uuid NOT NULL,
  person_id uuid NOT NULL,
  from_rating smallint,
  from_potential text CHECK (from_potential IN ('low', 'medium', 'high')),
  to_rating smallint NOT NULL,
  to_potential text NOT NULL CHECK (to_potential IN ('low', 'medium', 'high')),
  justification text NOT NULL DEFAULT '',
  moved_by uuid NOT NULL,
  moved_at timestamptz NOT NULL,
  projected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, move_id),
  FOREIGN KEY (organisation_id, session_id) REFERENCES calibration_sessions (organisation_id, id)
    ON DELETE CASCADE
);
CREATE INDEX calibration_moves_person ON calibration_moves (session_id, person_id, moved_at);

-- Down Migration

DROP TABLE calibration_moves;
DROP TABLE calibration_cards;
DROP TABLE calibration_proposals;
