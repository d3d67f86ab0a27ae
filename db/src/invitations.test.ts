import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createPerson } from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { verifyCredentials } from './accounts.ts';
import {
  acceptInvitation,
  createInvitation,
  findInvitation,
  INVITATION_LIFETIME_MS,
} from './invitations.ts';
import { hashPassword } from './passwords.ts';
import { hashToken } from './sessions.ts';

let db: TestDatabase;
let newHash: string;
const newPassword = 'my very own passphrase';

beforeAll(async () => {
  db = await useTestDatabase();
  newHash = await hashPassword(newPassword);
});

async function invitedPerson() {
  const org = await createOrganisation(db.pool, 'Initech');
  const admin = await createPerson(db.pool, org.id, { role: 'admin' });
  const person = await createPerson(db.pool, org.id, {
    status: 'invited',
    name: 'Grace Hopper',
  });
  return { org, admin, person };
}

async function invite(now = new Date()) {
  const fixture = await invitedPerson();
  const created = await createInvitation(
    db.pool,
    { organisationId: fixture.org.id, personId: fixture.person.id, createdBy: fixture.admin.id },
    now,
  );
  return { ...fixture, created };
}

describe('createInvitation', () => {
  it('[AUTH6] returns a random token and its link, and stores only the hash', async () => {
    const { created, person } = await invite();
    expect(created.token).toMatch(/^[a-z2-7]{32}$/);
    expect(created.path).toBe(`/invite/${created.token}`);
    const { rows } = await db.pool.query(
      `SELECT token_hash FROM invitations WHERE person_id = $1`,
      [person.id],
    );
    expect(rows).toEqual([{ token_hash: hashToken(created.token) }]);
  });

  it('[AUTH6] expires 7 days after it is created', async () => {
    const now = new Date('2026-03-01T09:00:00Z');
    const { created } = await invite(now);
    expect(created.expiresAt).toEqual(new Date('2026-03-08T09:00:00Z'));
    expect(INVITATION_LIFETIME_MS).toBe(7 * 24 * 3600 * 1000);
  });

  it('[AUTH6] deletes the earlier unaccepted link of the same person', async () => {
    const { org, admin, person, created: first } = await invite();
    const second = await createInvitation(db.pool, {
      organisationId: org.id,
      personId: person.id,
      createdBy: admin.id,
    });
    expect(await findInvitation(db.pool, first.token)).toEqual({ status: 'unknown' });
    expect((await findInvitation(db.pool, second.token)).status).toBe('valid');
    const { rowCount } = await db.pool.query(`SELECT 1 FROM invitations WHERE person_id = $1`, [
      person.id,
    ]);
    expect(rowCount).toBe(1);
  });

  it('[AUTH6] refuses a person who has already joined', async () => {
    const org = await createOrganisation(db.pool);
    const active = await createPerson(db.pool, org.id, { status: 'active' });
    await expect(
      createInvitation(db.pool, { organisationId: org.id, personId: active.id, createdBy: null }),
    ).rejects.toThrow('has not joined yet');
  });

  it('[ORG1] refuses a person of another organisation', async () => {
    const { person } = await invitedPerson();
    const otherOrg = await createOrganisation(db.pool, 'Umbrella');
    await expect(
      createInvitation(db.pool, {
        organisationId: otherOrg.id,
        personId: person.id,
        createdBy: null,
      }),
    ).rejects.toThrow('has not joined yet');
  });

  it('[ORG1] refuses an inviting admin of another organisation', async () => {
    const { org, person } = await invitedPerson();
    const otherOrg = await createOrganisation(db.pool, 'Umbrella');
    const stranger = await createPerson(db.pool, otherOrg.id, { role: 'admin' });
    await expect(
      createInvitation(db.pool, {
        organisationId: org.id,
        personId: person.id,
        createdBy: stranger.id,
      }),
    ).rejects.toThrow(/foreign key/);
  });
});

describe('findInvitation', () => {
  it('[AUTH6] shows the organisation, name and email of a valid link', async () => {
    const { created, org, person } = await invite();
    expect(await findInvitation(db.pool, created.token)).toEqual({
      status: 'valid',
      invitation: {
        organisationId: org.id,
        organisationName: 'Initech',
        organisationLocale: null,
        personId: person.id,
        name: 'Grace Hopper',
        email: person.email,
        expiresAt: created.expiresAt,
      },
    });
  });

  it('[AUTH6] reports an unknown token', async () => {
    expect(await findInvitation(db.pool, 'a'.repeat(32))).toEqual({ status: 'unknown' });
  });

  it('[AUTH6] reports a link past its expiry', async () => {
    const now = new Date('2026-03-01T09:00:00Z');
    const { created } = await invite(now);
    const justBefore = new Date(created.expiresAt.getTime() - 1);
    expect((await findInvitation(db.pool, created.token, justBefore)).status).toBe('valid');
    expect(await findInvitation(db.pool, created.token, created.expiresAt)).toEqual({
      status: 'expired',
    });
  });

  it('[AUTH6] reports a link as withdrawn once its person is deactivated', async () => {
    const { created, person } = await invite();
    await db.pool.query(
      `UPDATE people SET status = 'deactivated', deactivated_at = now() WHERE id = $1`,
      [person.id],
    );
    expect(await findInvitation(db.pool, created.token)).toEqual({ status: 'withdrawn' });
  });
});

describe('acceptInvitation', () => {
  it('[AUTH6] sets the password and makes the person active, who can then sign in', async () => {
    const { created, person, org } = await invite();
    const result = await acceptInvitation(db.pool, created.token, newHash);
    expect(result).toEqual({
      ok: true,
      person: { id: person.id, organisationId: org.id, email: person.email },
    });
    const { rows } = await db.pool.query(
      `SELECT p.status, i.accepted_at IS NOT NULL AS accepted
         FROM people p JOIN invitations i ON i.person_id = p.id WHERE p.id = $1`,
      [person.id],
    );
    expect(rows).toEqual([{ status: 'active', accepted: true }]);
    expect(await verifyCredentials(db.pool, person.email, newPassword)).toEqual({
      id: person.id,
      organisationId: org.id,
    });
  });

  it('[AUTH6] works only once', async () => {
    const { created, person } = await invite();
    expect((await acceptInvitation(db.pool, created.token, newHash)).ok).toBe(true);
    const otherHash = await hashPassword('an attacker passphrase');
    expect(await acceptInvitation(db.pool, created.token, otherHash)).toEqual({
      ok: false,
      problem: 'used',
    });
    expect(await verifyCredentials(db.pool, person.email, newPassword)).not.toBeNull();
    expect(await findInvitation(db.pool, created.token)).toEqual({ status: 'used' });
  });

  it('[AUTH6] lets only one of two simultaneous submissions of a link succeed', async () => {
    const { created } = await invite();
    const results = await Promise.all([
      acceptInvitation(db.pool, created.token, newHash),
      acceptInvitation(db.pool, created.token, newHash),
    ]);
    expect(results.map((result) => result.ok).sort()).toEqual([false, true]);
  });

  it('[AUTH6] refuses an expired link and leaves the person invited', async () => {
    const now = new Date('2026-03-01T09:00:00Z');
    const { created, person } = await invite(now);
    const later = new Date(now.getTime() + INVITATION_LIFETIME_MS + 1);
    expect(await acceptInvitation(db.pool, created.token, newHash, later)).toEqual({
      ok: false,
      problem: 'expired',
    });
    const { rows } = await db.pool.query(`SELECT status, password_hash FROM people WHERE id = $1`, [
      person.id,
    ]);
    expect(rows).toEqual([{ status: 'invited', password_hash: null }]);
  });

  it('[AUTH6] refuses a link that a newer invitation replaced', async () => {
    const { org, admin, person, created: first } = await invite();
    await createInvitation(db.pool, {
      organisationId: org.id,
      personId: person.id,
      createdBy: admin.id,
    });
    expect(await acceptInvitation(db.pool, first.token, newHash)).toEqual({
      ok: false,
      problem: 'unknown',
    });
  });

  it('[AUTH6] refuses a deactivated person', async () => {
    const { created, person } = await invite();
    await db.pool.query(
      `UPDATE people SET status = 'deactivated', deactivated_at = now() WHERE id = $1`,
      [person.id],
    );
    expect(await acceptInvitation(db.pool, created.token, newHash)).toEqual({
      ok: false,
      problem: 'withdrawn',
    });
  });
});
