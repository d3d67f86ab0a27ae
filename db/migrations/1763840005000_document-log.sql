-- Up Migration

-- The collaborative documents' source of truth (SYNC7): every accepted Yjs update, appended once,
-- with who sent it and when. Rows are never updated or deleted while the document exists: the
-- history (SYNC10) replays them. A document is named as in domain/src/documents/names.ts and lives
-- in one organisation.
CREATE TABLE document_updates (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  document_name text NOT NULL CHECK (length(document_name) BETWEEN 1 AND 200),
  -- Null when the server itself wrote the update (or its author was deleted).
  person_id uuid,
  received_at timestamptz NOT NULL,
  update bytea NOT NULL CHECK (length(update) > 0),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
    ON DELETE SET NULL (person_id)
);
CREATE INDEX document_updates_by_document ON document_updates (organisation_id, document_name, seq);

-- Compaction (SYNC9) folds the log up to `upto_seq` into one Yjs update, so loading reads the
-- latest snapshot and the rows after it. `upto_received_at` is the latest received_at among the
-- rows folded in: a snapshot can start a replay to any moment at or after it.
CREATE TABLE document_snapshots (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  document_name text NOT NULL CHECK (length(document_name) BETWEEN 1 AND 200),
  upto_seq bigint NOT NULL,
  upto_received_at timestamptz NOT NULL,
  state bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, document_name, upto_seq)
);

-- Down Migration

DROP TABLE document_snapshots;
DROP TABLE document_updates;
