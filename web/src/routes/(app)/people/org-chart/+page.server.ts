// The org chart starts with the people at the top; deeper levels load as they are expanded.
import { listOrgChartLevel } from '@threadline/db/people';
import { requireAdmin } from '$lib/people/admin-guard.server';
import { db } from '$lib/server/db';
import { ORG_CHART_PAGE } from '$lib/people/limits';

export async function load({ locals }) {
  const admin = requireAdmin(locals);
  return {
    top: await listOrgChartLevel(db(), admin.organisationId, null, { limit: ORG_CHART_PAGE }),
  };
}
