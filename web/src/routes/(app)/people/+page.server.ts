// The people directory: search, filters, pages of 50 (ORG1: one organisation only). Everyone
// reads it (ORG16); administrators also see emails, roles and status, and invite people.
import { fail } from '@sveltejs/kit';
import { invitationPath } from '@threadline/db/invitations';
import { invitePerson, listPeople, resendInvitation } from '@threadline/db/people';
import { listTeams } from '@threadline/db/teams';
import { isUuid } from '@threadline/domain/ids';
import {
  parseInviteFields,
  PERSON_STATUSES,
  type PersonStatus,
} from '@threadline/domain/org/person-fields';
import { requireAdmin, requirePerson } from '$lib/people/admin-guard.server';
import { directoryEntry } from '$lib/people/directory';
import { formValues } from '$lib/people/form-values';
import { db } from '$lib/server/db';

function readFilters(url: URL) {
  const status = url.searchParams.get('status') ?? '';
  const team = url.searchParams.get('team') ?? '';
  const page = Number(url.searchParams.get('page') ?? '1');
  return {
    search: (url.searchParams.get('q') ?? '').slice(0, 200),
    status: PERSON_STATUSES.includes(status as PersonStatus) ? (status as PersonStatus) : null,
    teamId: team === 'none' || isUuid(team) ? team : null,
    sort: url.searchParams.get('sort') === '-name' ? ('-name' as const) : ('name' as const),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export async function load({ locals, url }) {
  const viewer = requirePerson(locals);
  const isAdmin = viewer.role === 'admin';
  // Members read the directory of active people; status is an administrator's filter.
  const filters = { ...readFilters(url), ...(isAdmin ? {} : { status: 'active' as const }) };
  const [result, teams] = await Promise.all([
    listPeople(db(), viewer.organisationId, filters),
    listTeams(db(), viewer.organisationId),
  ]);
  const shared = {
    teams: teams.map(({ id, name, kind, parentId }) => ({ id, name, kind, parentId })),
    organisationName: viewer.organisationName,
    currentPersonId: viewer.id,
  };
  if (isAdmin) return { ...shared, filters, admin: result, directory: null };
  const { people, ...paging } = result;
  return {
    ...shared,
    filters: { ...filters, status: null },
    admin: null,
    directory: { ...paging, people: people.map(directoryEntry) },
  };
}

export const actions = {
  invite: async ({ locals, request, url }) => {
    const admin = requireAdmin(locals);
    const parsed = parseInviteFields(formValues(await request.formData()));
    if (!parsed.ok) return fail(400, { errors: parsed.errors });
    const outcome = await invitePerson(db(), admin.organisationId, admin.id, parsed.value);
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    const { invitation } = outcome.value;
    return {
      invitation: {
        name: parsed.value.name,
        link: `${url.origin}${invitationPath(invitation.token)}`,
        expiresAt: invitation.expiresAt,
      },
    };
  },

  resend: async ({ locals, request, url }) => {
    const admin = requireAdmin(locals);
    const data = await request.formData();
    const personId = data.get('personId');
    if (!isUuid(personId)) return fail(400, { errors: { form: 'Choose a person from the list.' } });
    const outcome = await resendInvitation(db(), admin.organisationId, personId, admin.id);
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return {
      invitation: {
        link: `${url.origin}${invitationPath(outcome.value.token)}`,
        expiresAt: outcome.value.expiresAt,
      },
    };
  },
};
