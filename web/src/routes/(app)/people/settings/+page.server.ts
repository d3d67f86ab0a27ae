// The organisation's settings (ORG18, ORG19): HR reading shared 1:1 agendas, and the locale dates
// are written in. Administrators only: the page and the action check here, and the save checks the
// actor's role again in the database.
import { error, fail } from '@sveltejs/kit';
import {
  ADMINS_ONLY_SETTINGS,
  organisationSettings,
  saveOrganisationSettings,
} from '@threadline/db/organisation-settings';
import { requireAdmin } from '$lib/people/admin-guard.server';
import { db } from '$lib/server/db';

export async function load({ locals }) {
  const admin = requireAdmin(locals);
  return { settings: await organisationSettings(db(), admin.organisationId) };
}

export const actions = {
  save: async ({ locals, request }) => {
    const admin = requireAdmin(locals);
    const form = await request.formData();
    const locale = form.get('locale');
    const outcome = await saveOrganisationSettings(db(), admin, {
      hrMayReadOneOnOnes: form.get('hrMayReadOneOnOnes') === 'on',
      locale: typeof locale === 'string' ? locale : '',
    });
    if ('forbidden' in outcome) error(403, ADMINS_ONLY_SETTINGS);
    if (!outcome.ok) return fail(400, { errors: outcome.errors, locale });
    return { saved: outcome.value };
  },
};
