// The sync server signs people in with the web app's own session: the same cookie, checked against
// the same sessions table, so a sign-out or deactivation in the web app counts here too.
import { parse } from 'hono/utils/cookie';
import {
  SESSION_COOKIE_NAME,
  validateSessionToken,
  type Queryable,
  type ValidatedSession,
} from '@threadline/db';

export async function authenticate(
  db: Queryable,
  cookieHeader: string | undefined,
): Promise<ValidatedSession | null> {
  if (!cookieHeader) return null;
  const token = parse(cookieHeader, SESSION_COOKIE_NAME)[SESSION_COOKIE_NAME];
  if (!token) return null;
  return validateSessionToken(db, token);
}
