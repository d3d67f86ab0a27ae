import { error } from '@sveltejs/kit';
import { loadImportContext, loadImportCurrentValues } from '@threadline/db/people-import';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/**
 * The organisation's people and teams, so the browser can check a file and preview it (an update
 * as old → new per field) before anything is sent (the server checks again on import, including emails of other organisations).
 */
export const load: PageServerLoad = async ({ locals }) => {
  const person = locals.person;
  if (!person) error(401, 'Sign in to import people.');
  if (person.role !== 'admin') error(403, 'Only administrators can import people.');
  const context = await loadImportContext(db(), person.organisationId, []);
  // What an update would overwrite, for the preview's old → new (one after the other: one pool).
  const current = await loadImportCurrentValues(db(), person.organisationId);
  return { context, current, peopleCount: context.people.size };
};
