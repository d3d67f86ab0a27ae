-- Up Migration

-- ONE41, ONE53, SYNC23: a plan opens to its person's current manager, so every change of manager
-- is announced — a person given their first manager too (NULL → someone): the new manager gains
-- the plan, and every node re-checks the connections to it (1765100600002 left that change out).
-- Still 100 people to a notice, which keeps each one well under PostgreSQL's 8,000-byte payload
-- limit however many people one statement gives a manager (an import, a seed of thousands).
CREATE OR REPLACE FUNCTION notify_development_plans_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_records_changed('development_plans', organisation_id, ids)
     FROM (SELECT organisation_id, array_agg(id) AS ids
             FROM (SELECT n.organisation_id, n.id,
                          (row_number() OVER (PARTITION BY n.organisation_id ORDER BY n.id) - 1)
                            / 100 AS batch
                     FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE o.manager_id IS DISTINCT FROM n.manager_id) changed
            GROUP BY organisation_id, batch) batches;
  RETURN NULL;
END
$$;

-- Down Migration

CREATE OR REPLACE FUNCTION notify_development_plans_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_records_changed('development_plans', organisation_id, ids)
     FROM (SELECT organisation_id, array_agg(id) AS ids
             FROM (SELECT n.organisation_id, n.id,
                          (row_number() OVER (PARTITION BY n.organisation_id ORDER BY n.id) - 1)
                            / 100 AS batch
                     FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE o.manager_id IS NOT NULL
                      AND o.manager_id IS DISTINCT FROM n.manager_id) changed
            GROUP BY organisation_id, batch) batches;
  RETURN NULL;
END
$$;
