// A new calibration session, as a draft (CAL1–CAL6); administrators only (CAL40).
import { fail, redirect } from '@sveltejs/kit';
import { createSession } from '@threadline/db/calibration-sessions';
import { parseSessionConfig } from '@threadline/domain/calibration/session-config';
import { requireCalibrationAdmin } from '$lib/calibration/access.server';
import { sessionFormChoices } from '$lib/calibration/form-choices.server';
import { sessionFormInput } from '$lib/calibration/session-form';
import { db } from '$lib/server/db';

export async function load({ locals }) {
  const admin = requireCalibrationAdmin(locals);
  return sessionFormChoices(admin.organisationId);
}

export const actions = {
  save: async ({ locals, request }) => {
    const admin = requireCalibrationAdmin(locals);
    const parsed = parseSessionConfig(sessionFormInput(await request.formData()));
    if (!parsed.ok) return fail(400, { errors: parsed.errors });
    const outcome = await createSession(db(), admin.organisationId, admin.id, parsed.value);
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    redirect(303, `/calibration/${outcome.value.id}`);
  },
};
