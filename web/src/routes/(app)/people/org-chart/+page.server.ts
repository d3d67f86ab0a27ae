// The whole org chart, for everyone in the organisation (ORG16): it is laid out, searched and
// opened in the browser (ORG17), and sent in columns (org-chart-wire.ts: 40 % of the size).
import { listOrgChart } from '@threadline/db/people';
import { requirePerson } from '$lib/people/admin-guard.server';
import { packOrgChart } from '$lib/people/org-chart-wire';
import { db } from '$lib/server/db';

export async function load({ locals }) {
  const viewer = requirePerson(locals);
  return {
    chart: packOrgChart(await listOrgChart(db(), viewer.organisationId)),
    isAdmin: viewer.role === 'admin',
  };
}
