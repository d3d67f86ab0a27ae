// One person: everyone reads their page (ORG16); administrators edit (ORG2-ORG4, ORG11, ORG14),
// resend the invitation link (ORG13), deactivate and reactivate (ORG4, ORG5, ORG12).
import { error, fail, redirect } from '@sveltejs/kit';
import { listSkills } from '@threadline/db/development';
import { personPay, writePay } from '@threadline/db/calibration-pay';
import { invitationPath } from '@threadline/db/invitations';
import {
  deactivatePerson,
  getPerson,
  listOrgChartLevel,
  reactivatePerson,
  resendInvitation,
  updatePerson,
} from '@threadline/db/people';
import { hrMayReadOneOnOnes, seriesOf } from '@threadline/db/one-on-ones';
import { listTeams } from '@threadline/db/teams';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { parsePay, PAY_FIELDS } from '@threadline/domain/calibration/merit/pay';
import { isUuid } from '@threadline/domain/ids';
import { parsePersonEdit } from '@threadline/domain/org/person-fields';
import { requireAdmin, requirePerson } from '$lib/people/admin-guard.server';
import { directoryEntry } from '$lib/people/directory';
import { formValues } from '$lib/people/form-values';
import { db } from '$lib/server/db';
import { readableDocument } from '$lib/server/document-access';

function personId(params: { id: string }): string {
  if (!isUuid(params.id)) error(404, 'There is no such person in your organisation.');
  return params.id;
}

export async function load({ locals, params }) {
  const viewer = requirePerson(locals);
  const id = personId(params);
  const [person, reports] = await Promise.all([
    getPerson(db(), viewer.organisationId, id),
    listOrgChartLevel(db(), viewer.organisationId, id, { limit: 100 }),
  ]);
  // A member reads active people only (ORG16): the others are as unknown to them as a bad id.
  if (!person || (viewer.role !== 'admin' && person.status !== 'active')) {
    error(404, 'There is no such person in your organisation.');
  }
  const isSelf = person.id === viewer.id;
  // ONE47: the development plan, for the person and their current manager (its access rule).
  const plan = await readableDocument(
    db(),
    viewer,
    formatDocumentName({ kind: 'development-plan', personId: person.id }),
  );
  const developmentPlan = plan
    ? {
        members: [
          { id: person.id, name: person.name },
          ...(person.manager ? [{ id: person.manager.id, name: person.manager.name }] : []),
        ],
        skills: await listSkills(db(), viewer.organisationId),
      }
    : null;
  if (viewer.role !== 'admin') {
    return {
      developmentPlan,
      admin: null,
      pay: null,
      profile: {
        person: directoryEntry(person),
        reports: {
          total: reports.total,
          nodes: reports.nodes.map(({ id, name, title }) => ({ id, name, title })),
        },
        isSelf,
      },
    };
  }
  const [teams, hrMayRead, pay] = await Promise.all([
    listTeams(db(), viewer.organisationId),
    hrMayReadOneOnOnes(db(), viewer.organisationId),
    personPay(db(), viewer.organisationId, person.id),
  ]);
  return {
    developmentPlan,
    admin: {
      person,
      reports,
      teams: teams.map(({ id, name, kind, parentId }) => ({ id, name, kind, parentId })),
      isSelf,
    },
    profile: null,
    /** CAL70, CAL76: pay, on administrators' pages only. */
    pay,
    // ONE4: where HR may read shared agendas, a person's page is the way to their 1:1s.
    oneOnOnes: hrMayRead ? await seriesOf(db(), viewer.organisationId, person.id) : null,
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

  savePay: async ({ locals, params, request }) => {
    const admin = requireAdmin(locals);
    const id = personId(params);
    const form = await request.formData();
    const parsed = parsePay(
      Object.fromEntries(
        PAY_FIELDS.map((field) => [field, String(form.get(field) ?? '')]),
      ) as Record<(typeof PAY_FIELDS)[number], string>,
    );
    if (!parsed.ok) return fail(400, { errors: parsed.errors });
    const person = await getPerson(db(), admin.organisationId, id);
    if (!person) error(404, 'There is no such person in your organisation.');
    await writePay(db(), admin.organisationId, [{ personId: id, pay: parsed.value }]);
    return { savedPay: true };
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
