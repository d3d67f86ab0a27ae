-- Up Migration

-- ONE41, SYNC23: a change of manager re-checks the connections to the person's plan. Only a
-- manager who had access can lose it, so a person given their first manager (an import, a seed
-- of thousands) announces nothing; the rest are announced 100 people to a notice, which keeps
-- every notice well under PostgreSQL's 8,000-byte payload limit whatever the statement changed.
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

-- Down Migration

CREATE OR REPLACE FUNCTION notify_development_plans_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_records_changed('development_plans', organisation_id, ids)
     FROM (SELECT n.organisation_id, array_agg(n.id) AS ids
             FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE o.manager_id IS DISTINCT FROM n.manager_id
            GROUP BY n.organisation_id) changed;
  RETURN NULL;
END
$$;
