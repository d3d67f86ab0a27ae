-- Up Migration

-- ORG10: at most one active cycle per organisation, even when two admins activate at once.
CREATE UNIQUE INDEX cycles_one_active_per_organisation ON cycles (organisation_id)
  WHERE status = 'active';

-- Down Migration

DROP INDEX cycles_one_active_per_organisation;
