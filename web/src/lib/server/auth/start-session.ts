// The one way a person becomes signed in: a fresh random token, its hash in the sessions table,
// the token in the cookie. Used by sign-in and by accepting an invitation.
import type { RequestEvent } from '@sveltejs/kit';
import { createSession, generateSessionToken, invalidateSession } from '@threadline/db';
import { db } from '$lib/server/db';
import { setSessionCookie } from '$lib/server/session-cookie';

export async function startSession(
  event: RequestEvent,
  person: { id: string; organisationId: string },
): Promise<void> {
  // A browser that was signed in as someone else drops that session rather than leaving it
  // alive and unreachable in the table.
  if (event.locals.session) await invalidateSession(db(), event.locals.session.id);
  const token = generateSessionToken();
  const session = await createSession(db(), token, person);
  setSessionCookie(event.cookies, token, session.expiresAt, event.url);
}
