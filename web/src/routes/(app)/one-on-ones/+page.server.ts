// The 1:1 list (ONE1, ONE13): my series as manager and as employee, ended ones apart, and the
// form that starts a series with a direct report (or, for HR admins, any pair).
import { fail, redirect } from '@sveltejs/kit';
import { startSeries } from '@threadline/db/one-on-ones';
import { isUuid } from '@threadline/domain/ids';
import { formValues } from '$lib/people/form-values';
import { loadSeriesList } from '$lib/one-on-ones/series-list.server';
import { todayOf } from '$lib/one-on-ones/dates';
import { db } from '$lib/server/db';

export async function load({ locals }) {
  const person = locals.person!;
  const today = todayOf(new Date());
  return { today, list: await loadSeriesList(db(), person, today) };
}

export const actions = {
  start: async ({ locals, request }) => {
    const person = locals.person;
    if (!person) return fail(401, { employeeId: '', errors: { form: 'Sign in again.' } });
    const values = formValues(await request.formData());
    const employeeId = values.employeeId ?? '';
    if (!isUuid(employeeId)) {
      return fail(400, { employeeId, errors: { employeeId: 'Choose a person from the list.' } });
    }
    const outcome = await startSeries(
      db(),
      { id: person.id, organisationId: person.organisationId, isAdmin: person.role === 'admin' },
      employeeId,
      {
        cadence: values.cadence ?? '',
        weekday: Number(values.weekday),
        time: values.time ?? '',
        from: values.from ?? '',
      },
    );
    if (!outcome.ok) return fail(400, { employeeId, errors: outcome.errors });
    redirect(303, `/one-on-ones/${outcome.value.id}`);
  },
};
