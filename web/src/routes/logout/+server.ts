// Sign out (AUTH9): the person menu posts a form here. POST only, so a link or an image on
// another page cannot sign anyone out; the hooks refuse cross-site posts.
import { redirect } from '@sveltejs/kit';
import { invalidateSession } from '@threadline/db';
import { db } from '$lib/server/db';
import { deleteSessionCookie } from '$lib/server/session-cookie';

export async function POST({ locals, cookies, url }) {
  if (locals.session) await invalidateSession(db(), locals.session.id);
  deleteSessionCookie(cookies, url);
  redirect(303, '/login');
}
