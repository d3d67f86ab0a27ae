// The whole org chart, for everyone in the organisation (ORG16): it is laid out, searched and
// opened in the browser (ORG17).
import { listOrgChart } from '@threadline/db/people';
import { requirePerson } from '$lib/people/admin-guard.server';
import { db } from '$lib/server/db';

export async function load({ locals }) {
  const viewer = requirePerson(locals);
  return {
    people: await listOrgChart(db(), viewer.organisationId),
    isAdmin: viewer.role === 'admin',
  };
}
