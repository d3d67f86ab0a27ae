// NUD18: marks one of the signed-in person's notifications read, or all of them; answers with
// their new state. Only their own: the queries are scoped by the session's person.
import { error, json } from '@sveltejs/kit';
import { isUuid } from '@threadline/domain/ids';
import {
  markAllNotificationsRead,
  markNotificationRead,
  notificationState,
} from '@threadline/db/notifications';
import { db } from '$lib/server/db';

export async function POST({ locals, request }) {
  const person = locals.person;
  if (!person) error(401, 'Sign in to change your notifications.');
  const body: unknown = await request.json().catch(() => null);
  const { id, all } = (body ?? {}) as { id?: unknown; all?: unknown };
  if (all === true) await markAllNotificationsRead(db(), person);
  else if (isUuid(id)) await markNotificationRead(db(), person, id);
  else error(400, 'Say which notification to mark read, or all.');
  return json(await notificationState(db(), person));
}
