import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createPerson } from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { changePassword, checkCurrentPassword, verifyCredentials } from './accounts.ts';
import { hashPassword } from './passwords.ts';
import {
  createSession,
  generateSessionToken,
  hashToken,
  validateSessionToken,
} from './sessions.ts';

let db: TestDatabase;
let passwordHash: string;
const password = 'correct horse battery';

beforeAll(async () => {
  db = await useTestDatabase();
  passwordHash = await hashPassword(password);
});

async function person(fields: Parameters<typeof createPerson>[2] = {}) {
  const org = await createOrganisation(db.pool);
  return createPerson(db.pool, org.id, { passwordHash, ...fields });
}

describe('verifyCredentials', () => {
  it('[AUTH3] signs in an active person with the right password', async () => {
    const ada = await person();
    expect(await verifyCredentials(db.pool, ada.email, password)).toEqual({
      id: ada.id,
      organisationId: ada.organisationId,
    });
  });

  it('[AUTH3] matches the email whatever its case and surrounding spaces', async () => {
    const ada = await person({ email: 'Ada.Lovelace@Example.test' });
    const found = await verifyCredentials(db.pool, '  ada.lovelace@EXAMPLE.test ', password);
    expect(found?.id).toBe(ada.id);
  });

  it('[AUTH3] refuses a wrong password', async () => {
    const ada = await person();
    expect(await verifyCredentials(db.pool, ada.email, 'wrong password')).toBeNull();
  });

  it('[AUTH3] refuses an unknown email after spending one argon2 verification on it', async () => {
    const known = await person();
    // Warm the dummy hash so the comparison below measures verification, not its creation.
    await verifyCredentials(db.pool, 'nobody@example.test', password);
    // The fastest of three runs each: other processes can only slow a run down, never speed it up.
    const fastest = async (email: string) => {
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        await verifyCredentials(db.pool, email, 'wrong password');
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const unknownMs = await fastest('still-nobody@example.test');
    const knownMs = await fastest(known.email);
    expect(await verifyCredentials(db.pool, 'nobody@example.test', password)).toBeNull();
    // An argon2id verification takes tens of milliseconds; a bare query takes about one. Without
    // the dummy verification the unknown email would answer many times faster than the known one.
    expect(unknownMs).toBeGreaterThan(knownMs / 3);
  });

  it('[AUTH3] refuses an invited person, who has no password yet', async () => {
    const invited = await person({ status: 'invited', passwordHash: null });
    expect(await verifyCredentials(db.pool, invited.email, '')).toBeNull();
  });

  it('[AUTH3] refuses a deactivated person even with the right password', async () => {
    const gone = await person({ status: 'deactivated' });
    expect(await verifyCredentials(db.pool, gone.email, password)).toBeNull();
  });
});

describe('changePassword', () => {
  it('[AUTH7] replaces the hash and ends every other session, keeping the current one', async () => {
    const ada = await person();
    const current = generateSessionToken();
    const other = generateSessionToken();
    await createSession(db.pool, current, ada);
    await createSession(db.pool, other, ada);
    const newPassword = 'a brand new passphrase';

    await changePassword(db.pool, ada, await hashPassword(newPassword), hashToken(current));

    expect(await checkCurrentPassword(db.pool, ada, newPassword)).toBe(true);
    expect(await checkCurrentPassword(db.pool, ada, password)).toBe(false);
    expect(await validateSessionToken(db.pool, current)).not.toBeNull();
    expect(await validateSessionToken(db.pool, other)).toBeNull();
  });

  it('[ORG1] cannot change the password of a person through another organisation', async () => {
    const ada = await person();
    const otherOrg = await createOrganisation(db.pool);
    const token = generateSessionToken();
    await createSession(db.pool, token, ada);
    await expect(
      changePassword(
        db.pool,
        { id: ada.id, organisationId: otherOrg.id },
        await hashPassword('a brand new passphrase'),
        'f'.repeat(64),
      ),
    ).rejects.toThrow('No active person');
    // Nothing changed: the old password still works and the session survived the rollback.
    expect(await checkCurrentPassword(db.pool, ada, password)).toBe(true);
    expect(await validateSessionToken(db.pool, token)).not.toBeNull();
  });

  it('[AUTH7] checkCurrentPassword is false for a wrong password', async () => {
    const ada = await person();
    expect(await checkCurrentPassword(db.pool, ada, 'not it at all')).toBe(false);
  });
});
