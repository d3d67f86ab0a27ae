// One person: edit (ORG2-ORG4, ORG11, ORG14), invitation link (ORG13), deactivate and
// reactivate (ORG4, ORG5, ORG12).
import { error, fail, redirect } from '@sveltejs/kit';
import { invitationPath } from '@threadline/db/invitations';
import {
  deactivatePerson,
  getPerson,
  listOrgChartLevel,
  reactivatePerson,
  resendInvitation,
  updatePerson,
} from '@threadline/db/people';
import { listTeams } from '@threadline/db/teams';
import { isUuid } from '@threadline/domain/ids';
import { parsePersonEdit } from '@threadline/domain/org/person-fields';
import { requireAdmin } from '$lib/people/admin-guard.server';
import { formValues } from '$lib/people/form-values';
import { db } from '$lib/server/db';

function personId(params: { id: string }): string {
  if (!isUuid(params.id)) error(404, 'There is no such person in your organisation.');
  return params.id;
}

export async function load({ locals, params }) {
  const admin = requireAdmin(locals);
  const id = personId(params);
  const [person, teams, reports] = await Promise.all([
    getPerson(db(), admin.organisationId, id),
    listTeams(db(), admin.organisationId),
    listOrgChartLevel(db(), admin.organisationId, id, { limit: 100 }),
  ]);
  if (!person) error(404, 'There is no such person in your organisation.');
  return {
    person,
    reports,
    teams: teams.map(({ id, name, kind, parentId }) => ({ id, name, kind, parentId })),
    isSelf: person.id === admin.id,
  };
}

export const actions = {
  save: async ({ locals, params, request }) => {
    const admin = requireAdmin(locals);
    const id = personId(params);
    const parsed = parsePersonEdit(formValues(await request.formData()));
    if (!parsed.ok) return fail(400, { errors: parsed.errors });
    const outcome = await updatePerson(db(), admin.organisationId, id, parsed.value);
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    // An admin who made themselves a member can no longer see these pages.
    if (id === admin.id && parsed.value.role !== 'admin') redirect(303, '/goals');
    return { saved: true };
  },

  resend: async ({ locals, params, url }) => {
    const admin = requireAdmin(locals);
    const outcome = await resendInvitation(db(), admin.organisationId, personId(params), admin.id);
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return {
      invitation: {
        link: `${url.origin}${invitationPath(outcome.value.token)}`,
        expiresAt: outcome.value.expiresAt,
      },
    };
  },

  deactivate: async ({ locals, params }) => {
    const admin = requireAdmin(locals);
    const outcome = await deactivatePerson(db(), admin.organisationId, admin.id, personId(params));
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return { deactivated: outcome.value };
  },

  reactivate: async ({ locals, params }) => {
    const admin = requireAdmin(locals);
    const outcome = await reactivatePerson(db(), admin.organisationId, personId(params));
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return { reactivated: outcome.value };
  },
};
