// NUD19: every open notification of the signed-in person, newest first.
import { notificationState } from '@threadline/db/notifications';
import { db } from '$lib/server/db';

const PAGE_LIMIT = 200;

export async function load({ locals, depends }) {
  depends('app:notifications');
  // The (app) layout has already sent anyone signed out to sign in.
  const person = locals.person!;
  return { list: await notificationState(db(), person, PAGE_LIMIT) };
}
