// One level of the org chart: GET /people/org-chart/level?manager=<id>&offset=<n>.
import { error, json } from '@sveltejs/kit';
import { listOrgChartLevel } from '@threadline/db/people';
import { isUuid } from '@threadline/domain/ids';
import { requireAdmin } from '$lib/people/admin-guard.server';
import { ORG_CHART_PAGE } from '$lib/people/limits';
import { db } from '$lib/server/db';

export async function GET({ locals, url }) {
  const admin = requireAdmin(locals);
  const manager = url.searchParams.get('manager');
  const offset = Number(url.searchParams.get('offset') ?? '0');
  if ((manager !== null && !isUuid(manager)) || !Number.isInteger(offset) || offset < 0) {
    error(400, 'Ask for a manager id and a non-negative offset.');
  }
  return json(
    await listOrgChartLevel(db(), admin.organisationId, manager, { offset, limit: ORG_CHART_PAGE }),
  );
}
