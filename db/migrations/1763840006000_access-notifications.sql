-- Up Migration

-- Revocation (SYNC23): whatever changes who may open which document tells every sync-server
-- node at commit, through NOTIFY on the channel `threadline_access`, so open connections are
-- closed or downgraded within a second, whichever app or script made the change. The payload is
-- JSON (at most ~8 kB, so large changes are sent in chunks or as "everyone in the organisation"):
--   {"kind":"sessions","organisationId":…,"sessionIds":[…]}   sessions ended (sign-out,
--       sign-out everywhere, deactivation, expiry seen, person deleted)
--   {"kind":"people","organisationId":…,"personIds":[…]|null} role, status, manager or team
--       changed, or people added or removed (null: too many to list, re-check everyone)
--   {"kind":"cycles","organisationId":…,"cycleIds":[…]}       a cycle's status changed, or it
--       was deleted (a closed cycle's goal tree is read-only)
-- Statement-level triggers with transition tables: one bulk statement, a few notifications.

CREATE FUNCTION notify_access(payload json) RETURNS void LANGUAGE sql AS $$
  SELECT pg_notify('threadline_access', payload::text)
$$;

CREATE FUNCTION notify_sessions_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_access(json_build_object(
            'kind', 'sessions', 'organisationId', organisation_id, 'sessionIds', ids))
     FROM (SELECT organisation_id, array_agg(id) AS ids
             FROM (SELECT organisation_id, id,
                          (row_number() OVER (PARTITION BY organisation_id ORDER BY id) - 1) / 50
                            AS chunk
                     FROM ended) numbered
            GROUP BY organisation_id, chunk) chunks;
  RETURN NULL;
END
$$;

CREATE TRIGGER sessions_ended AFTER DELETE ON sessions
  REFERENCING OLD TABLE AS ended FOR EACH STATEMENT EXECUTE FUNCTION notify_sessions_ended();

CREATE FUNCTION notify_people_added_or_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- New or removed people have no open connections of their own (a removed person's sessions
  -- go with them), but their managers' rights over their goals change: no ids to re-check.
  PERFORM notify_access(json_build_object(
            'kind', 'people', 'organisationId', organisation_id, 'personIds', '[]'::json))
     FROM (SELECT DISTINCT organisation_id FROM changed) organisations;
  RETURN NULL;
END
$$;

-- At most 100 people are listed per organisation; more become null ("re-check everyone").
CREATE FUNCTION notify_people_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_access(json_build_object(
            'kind', 'people', 'organisationId', organisation_id,
            'personIds', CASE WHEN count(*) <= 100 THEN array_agg(id) END))
     FROM (SELECT n.organisation_id, n.id
             FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (o.role, o.status, o.manager_id, o.team_id)
                  IS DISTINCT FROM (n.role, n.status, n.manager_id, n.team_id)) changed
    GROUP BY organisation_id;
  RETURN NULL;
END
$$;

CREATE TRIGGER people_added AFTER INSERT ON people
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION notify_people_added_or_removed();
CREATE TRIGGER people_removed AFTER DELETE ON people
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION notify_people_added_or_removed();
CREATE TRIGGER people_updated AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_people_updated();

CREATE FUNCTION notify_cycles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER cycles_updated AFTER UPDATE ON cycles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_cycles_changed();
CREATE TRIGGER cycles_deleted AFTER DELETE ON cycles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION notify_cycles_changed();

-- Down Migration

DROP TRIGGER cycles_deleted ON cycles;
DROP TRIGGER cycles_updated ON cycles;
DROP FUNCTION notify_cycles_changed();
DROP TRIGGER people_updated ON people;
DROP TRIGGER people_removed ON people;
DROP TRIGGER people_added ON people;
DROP FUNCTION notify_people_updated();
DROP FUNCTION notify_people_added_or_removed();
DROP TRIGGER sessions_ended ON sessions;
DROP FUNCTION notify_sessions_ended();
DROP FUNCTION notify_access(json);
