// The people pages are for administrators. The layout's load refuses others, but form actions and
// endpoints run without layout loads, so each of them calls requireAdmin itself.
import { error } from '@sveltejs/kit';
import type { SessionPerson } from '@threadline/db';

export const ADMINS_ONLY = 'Only administrators can manage people.';

export function requireAdmin(locals: App.Locals): SessionPerson {
  if (!locals.person) error(401, 'Sign in to manage people.');
  if (locals.person.role !== 'admin') error(403, ADMINS_ONLY);
  return locals.person;
}
