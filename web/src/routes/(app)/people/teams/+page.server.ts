// The teams editor: departments and their teams (ORG6), unique names (ORG8), deletion (ORG7).
import { fail } from '@sveltejs/kit';
import { createTeam, deleteTeam, listTeams, updateTeam } from '@threadline/db/teams';
import { isUuid } from '@threadline/domain/ids';
import { requireAdmin } from '$lib/people/admin-guard.server';
import { db } from '$lib/server/db';

/** An optional id field: '' or 'none' is null, anything else must look like an id. */
function optionalId(data: FormData, name: string): string | null | undefined {
  const value = data.get(name);
  if (value === null || value === '' || value === 'none') return null;
  return isUuid(value) ? value : undefined;
}

export async function load({ locals }) {
  const admin = requireAdmin(locals);
  return { teams: await listTeams(db(), admin.organisationId) };
}

export const actions = {
  create: async ({ locals, request }) => {
    const admin = requireAdmin(locals);
    const data = await request.formData();
    const kind = data.get('kind') === 'department' ? 'department' : 'team';
    const parentId = optionalId(data, 'parentId');
    if (parentId === undefined) {
      return fail(400, { errors: { parentId: 'Choose a department from the list.' } });
    }
    const outcome = await createTeam(db(), admin.organisationId, {
      name: String(data.get('name') ?? ''),
      kind,
      parentId: kind === 'department' ? null : parentId,
    });
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return { created: true };
  },

  update: async ({ locals, request }) => {
    const admin = requireAdmin(locals);
    const data = await request.formData();
    const teamId = data.get('teamId');
    const parentId = optionalId(data, 'parentId');
    if (!isUuid(teamId) || parentId === undefined) {
      return fail(400, { errors: { form: 'Choose a team from the list.' } });
    }
    const outcome = await updateTeam(db(), admin.organisationId, teamId, {
      name: String(data.get('name') ?? ''),
      parentId,
    });
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return { updated: true };
  },

  delete: async ({ locals, request }) => {
    const admin = requireAdmin(locals);
    const data = await request.formData();
    const teamId = data.get('teamId');
    const moveTo = optionalId(data, 'moveTo');
    if (!isUuid(teamId) || moveTo === undefined) {
      return fail(400, { errors: { form: 'Choose a team from the list.' } });
    }
    const outcome = await deleteTeam(db(), admin.organisationId, teamId, moveTo);
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return { deleted: outcome.value };
  },
};
