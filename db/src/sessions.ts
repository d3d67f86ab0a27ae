// The session recipe that replaced the lucia package: the browser's cookie holds a random token;
// the database holds only its SHA-256 hash, so a leaked sessions table signs nobody in. The web
// app and the sync server both call validateSessionToken on the same table.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Queryable } from './connection.ts';

export const SESSION_COOKIE_NAME = 'threadline_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** A session used in its last 15 days is extended to a full lifetime again (sliding expiry). */
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;

export type Role = 'admin' | 'member';

/** The signed-in person as every request and websocket sees them. */
export interface SessionPerson {
  id: string;
  organisationId: string;
  organisationName: string;
  /** ORG19: the locale dates are written in, or null for each reader's browser language. */
  organisationLocale: string | null;
  name: string;
  email: string;
  role: Role;
}

export interface Session {
  id: string;
  personId: string;
  organisationId: string;
  expiresAt: Date;
}

export interface ValidatedSession {
  session: Session;
  person: SessionPerson;
  /** True when this validation slid the expiry forward and the cookie should be re-sent. */
  renewed: boolean;
}

/** 160 random bits, base32: the value that goes into the cookie and nowhere else. */
export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
  db: Queryable,
  token: string,
  person: { id: string; organisationId: string },
  now = new Date(),
): Promise<Session> {
  const session: Session = {
    id: hashToken(token),
    personId: person.id,
    organisationId: person.organisationId,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
  };
  await db.query(
    `INSERT INTO sessions (id, organisation_id, person_id, expires_at) VALUES ($1, $2, $3, $4)`,
    [session.id, session.organisationId, session.personId, session.expiresAt],
  );
  return session;
}

interface SessionRow {
  id: string;
  person_id: string;
  organisation_id: string;
  expires_at: Date;
  name: string;
  email: string;
  role: Role;
  status: string;
  organisation_name: string;
  organisation_locale: string | null;
}

/**
 * Returns the session and its person, or null for an unknown, expired or deactivated one.
 * Expired sessions and sessions of people who can no longer sign in are deleted on sight.
 */
export async function validateSessionToken(
  db: Queryable,
  token: string,
  now = new Date(),
): Promise<ValidatedSession | null> {
  const id = hashToken(token);
  const { rows } = await db.query<SessionRow>(
    `SELECT s.id, s.person_id, s.organisation_id, s.expires_at,
            p.name, p.email, p.role, p.status, o.name AS organisation_name,
            o.locale AS organisation_locale
       FROM sessions s
       JOIN people p ON p.id = s.person_id AND p.organisation_id = s.organisation_id
       JOIN organisations o ON o.id = s.organisation_id
      WHERE s.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.expires_at.getTime() <= now.getTime() || row.status !== 'active') {
    await db.query(`DELETE FROM sessions WHERE id = $1`, [id]);
    return null;
  }
  let expiresAt = row.expires_at;
  const renewed = expiresAt.getTime() - now.getTime() < SESSION_RENEW_WITHIN_MS;
  if (renewed) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db.query(`UPDATE sessions SET expires_at = $2 WHERE id = $1`, [id, expiresAt]);
  }
  return {
    session: {
      id,
      personId: row.person_id,
      organisationId: row.organisation_id,
      expiresAt,
    },
    person: {
      id: row.person_id,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      organisationLocale: row.organisation_locale,
      name: row.name,
      email: row.email,
      role: row.role,
    },
    renewed,
  };
}

/**
 * Whether the session `sessionId` (a token's hash) still signs its person in: not signed out,
 * not expired, its person active. Read-only (no renewal, no deletion): for a long-lived
 * response that checks again now and then (NUD21).
 */
export async function isSessionActive(
  db: Queryable,
  sessionId: string,
  now = new Date(),
): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM sessions s
       JOIN people p ON p.id = s.person_id AND p.organisation_id = s.organisation_id
      WHERE s.id = $1 AND s.expires_at > $2 AND p.status = 'active'`,
    [sessionId, now],
  );
  return rows.length > 0;
}

export async function invalidateSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query(`DELETE FROM sessions WHERE id = $1`, [sessionId]);
}

/** Signs a person out everywhere, optionally keeping the session that asked for it. */
export async function invalidateAllSessions(
  db: Queryable,
  personId: string,
  exceptSessionId?: string,
): Promise<void> {
  await db.query(`DELETE FROM sessions WHERE person_id = $1 AND id IS DISTINCT FROM $2`, [
    personId,
    exceptSessionId ?? null,
  ]);
}
