import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createPerson } from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import {
  createSession,
  generateSessionToken,
  hashToken,
  invalidateAllSessions,
  SESSION_LIFETIME_MS,
  validateSessionToken,
} from './sessions.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

async function personWithSession(now = new Date()) {
  const org = await createOrganisation(db.pool);
  const person = await createPerson(db.pool, org.id);
  const token = generateSessionToken();
  await createSession(db.pool, token, person, now);
  return { org, person, token };
}

describe('sessions', () => {
  it('stores only the SHA-256 hash of the token', async () => {
    const { token } = await personWithSession();
    const { rows } = await db.pool.query('SELECT id FROM sessions WHERE id = $1 OR id = $2', [
      token,
      hashToken(token),
    ]);
    expect(rows).toEqual([{ id: hashToken(token) }]);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  it('validates a fresh token and returns its person and organisation', async () => {
    const { token, person, org } = await personWithSession();
    const result = await validateSessionToken(db.pool, token);
    expect(result?.person).toEqual({
      id: person.id,
      organisationId: org.id,
      organisationName: org.name,
      organisationLocale: null,
      name: person.name,
      email: person.email,
      role: 'member',
    });
    expect(result?.renewed).toBe(false);
  });

  it('rejects an unknown token', async () => {
    expect(await validateSessionToken(db.pool, generateSessionToken())).toBeNull();
  });

  it('slides the expiry forward when the session is in its last half', async () => {
    const start = new Date('2026-01-01T00:00:00Z');
    const { token } = await personWithSession(start);
    const later = new Date(start.getTime() + SESSION_LIFETIME_MS - 24 * 3600 * 1000);
    const result = await validateSessionToken(db.pool, token, later);
    expect(result?.renewed).toBe(true);
    expect(result?.session.expiresAt.getTime()).toBe(later.getTime() + SESSION_LIFETIME_MS);
  });

  it('deletes an expired session', async () => {
    const start = new Date('2026-01-01T00:00:00Z');
    const { token } = await personWithSession(start);
    const after = new Date(start.getTime() + SESSION_LIFETIME_MS + 1);
    expect(await validateSessionToken(db.pool, token, after)).toBeNull();
    const { rowCount } = await db.pool.query('SELECT 1 FROM sessions WHERE id = $1', [
      hashToken(token),
    ]);
    expect(rowCount).toBe(0);
  });

  it('refuses the session of a deactivated person', async () => {
    const { token, person } = await personWithSession();
    await db.pool.query(
      `UPDATE people SET status = 'deactivated', deactivated_at = now() WHERE id = $1`,
      [person.id],
    );
    expect(await validateSessionToken(db.pool, token)).toBeNull();
  });

  it('invalidates all sessions of a person but the one kept', async () => {
    const { token, person } = await personWithSession();
    const second = generateSessionToken();
    await createSession(db.pool, second, person);
    await invalidateAllSessions(db.pool, person.id, hashToken(second));
    expect(await validateSessionToken(db.pool, token)).toBeNull();
    expect(await validateSessionToken(db.pool, second)).not.toBeNull();
  });
});
