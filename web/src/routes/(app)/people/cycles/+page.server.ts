// The cycles editor: dates (ORG9) and the single active cycle (ORG10).
import { fail } from '@sveltejs/kit';
import { listCycles, saveCycle } from '@threadline/db/cycles';
import { parseCycleFields } from '@threadline/domain/org/cycles';
import { isUuid } from '@threadline/domain/ids';
import { requireAdmin } from '$lib/people/admin-guard.server';
import { formValues } from '$lib/people/form-values';
import { db } from '$lib/server/db';

export async function load({ locals }) {
  const admin = requireAdmin(locals);
  return { cycles: await listCycles(db(), admin.organisationId) };
}

export const actions = {
  save: async ({ locals, request }) => {
    const admin = requireAdmin(locals);
    const values = formValues(await request.formData());
    const cycleId = values.cycleId ? values.cycleId : null;
    if (cycleId !== null && !isUuid(cycleId)) {
      return fail(400, { errors: { form: 'Choose a cycle from the list.' } });
    }
    const parsed = parseCycleFields(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors });
    const outcome = await saveCycle(db(), admin.organisationId, cycleId, parsed.value);
    if (!outcome.ok) return fail(400, { errors: outcome.errors });
    return { saved: outcome.value };
  },
};
