// Who may do what on the people pages (ORG16): everyone signed in reads the directory, a person's
// page and the org chart; administrators alone change anything. Form actions and endpoints run
// without layout loads, so each of them calls its guard itself.
import { error } from '@sveltejs/kit';
import type { SessionPerson } from '@threadline/db';

export const ADMINS_ONLY = 'Only administrators can manage people.';

export function requirePerson(locals: App.Locals): SessionPerson {
  if (!locals.person) error(401, 'Sign in to see people.');
  return locals.person;
}

export function requireAdmin(locals: App.Locals): SessionPerson {
  const person = requirePerson(locals);
  if (person.role !== 'admin') error(403, ADMINS_ONLY);
  return person;
}
