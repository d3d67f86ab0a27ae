// Editing a draft session (CAL8); administrators only (CAL40).
import { error, fail, redirect } from '@sveltejs/kit';
import { getSession, updateSession } from '@threadline/db/calibration-sessions';
import { checkEditable, parseSessionConfig } from '@threadline/domain/calibration/session-config';
import { requireCalibrationAdmin } from '$lib/calibration/access.server';
import { sessionFormChoices } from '$lib/calibration/form-choices.server';
import { sessionFormInput } from '$lib/calibration/session-form';
import { sessionValues } from '$lib/calibration/session-values';
import { db } from '$lib/server/db';

export async function load({ locals, params }) {
  const admin = requireCalibrationAdmin(locals);
  const session = await getSession(db(), admin.organisationId, params.id);
  if (!session) error(404, 'There is no such calibration session in your organisation.');
  const locked = checkEditable(session.status);
  if (locked) error(409, locked);
  return {
    session: { id: session.id, name: session.name },
    initial: sessionValues(session),
    ...(await sessionFormChoices(admin.organisationId)),
  };
}

export const actions = {
  save: async ({ locals, params, request }) => {
    const admin = requireCalibrationAdmin(locals);
    const parsed = parseSessionConfig(sessionFormInput(await request.formData()));
    if (!parsed.ok) return fail(400, { errors: parsed.errors });
    const outcome = await updateSession(db(), admin.organisationId, params.id, parsed.value);
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    redirect(303, `/calibration/${params.id}`);
  },
};
