-- Up Migration

-- Revocation notices (SYNC23) for the tables a document kind's access depends on take one
-- generic shape, so the sync server's revocation code knows no kind: each kind reads the
-- notices of its own tables (DocumentKind.affectedBy).
--   {"kind":"records","organisationId":…,"table":"cycles","ids":[…]}   a cycle's status changed,
--       or it was deleted (a closed cycle's goal tree is read-only)
-- Sessions and people keep their own notices: they concern every kind.

CREATE FUNCTION notify_records_changed(tbl text, organisation uuid, ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  SELECT notify_access(json_build_object(
           'kind', 'records', 'organisationId', organisation, 'table', tbl, 'ids', ids))
$$;

CREATE OR REPLACE FUNCTION notify_cycles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM notify_records_changed('cycles', organisation_id, ids)
       FROM (SELECT n.organisation_id, array_agg(n.id) AS ids
               FROM new_rows n JOIN old_rows o ON o.id = n.id
              WHERE o.status IS DISTINCT FROM n.status
              GROUP BY n.organisation_id) changed;
  ELSE
    PERFORM notify_records_changed('cycles', organisation_id, ids)
       FROM (SELECT organisation_id, array_agg(id) AS ids FROM old_rows
              GROUP BY organisation_id) changed;
  END IF;
  RETURN NULL;
END
$$;

-- Down Migration

CREATE OR REPLACE FUNCTION notify_cycles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM notify_access(json_build_object(
              'kind', 'cycles', 'organisationId', organisation_id, 'cycleIds', ids))
       FROM (SELECT n.organisation_id, array_agg(n.id) AS ids
               FROM new_rows n JOIN old_rows o ON o.id = n.id
              WHERE o.status IS DISTINCT FROM n.status
              GROUP BY n.organisation_id) changed;
  ELSE
    PERFORM notify_access(json_build_object(
              'kind', 'cycles', 'organisationId', organisation_id, 'cycleIds', ids))
       FROM (SELECT organisation_id, array_agg(id) AS ids FROM old_rows
              GROUP BY organisation_id) changed;
  END IF;
  RETURN NULL;
END
$$;

DROP FUNCTION notify_records_changed(text, uuid, uuid[]);
