// The organisation export's page (EXP12): HR admins only; says what the download holds.
import { hrMayReadOneOnOnes } from '@threadline/db/one-on-ones';
import { requireAdmin } from '$lib/people/admin-guard.server';
import { db } from '$lib/server/db';

export async function load({ locals }) {
  const admin = requireAdmin(locals);
  return { hrMayReadAgendas: await hrMayReadOneOnOnes(db(), admin.organisationId) };
}
