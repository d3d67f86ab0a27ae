// Credentials of people: checking a sign-in and changing a password (SPEC AUTH3, AUTH7).
import { inTransaction, type Pool, type Queryable } from './connection.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { invalidateAllSessions } from './sessions.ts';

export interface PersonRef {
  id: string;
  organisationId: string;
}

// Hashed once per process with the same parameters as real hashes, so verifying against it takes
// as long as verifying a real password (AUTH3). The password is random and never kept.
let dummyHash: Promise<string> | undefined;
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}

/**
 * The person these credentials sign in, or null. Only an active person with a password can sign
 * in; every other case still runs one argon2 verification so the time taken reveals nothing.
 */
export async function verifyCredentials(
  db: Queryable,
  email: string,
  password: string,
): Promise<PersonRef | null> {
  const { rows } = await db.query<{
    id: string;
    organisation_id: string;
    password_hash: string | null;
  }>(
    `SELECT id, organisation_id, password_hash
       FROM people
      WHERE lower(email) = lower($1) AND status = 'active'`,
    [email.trim()],
  );
  const row = rows[0];
  if (!row?.password_hash) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  if (!(await verifyPassword(row.password_hash, password))) return null;
  return { id: row.id, organisationId: row.organisation_id };
}

/** Whether `password` is this person's current password (for a password change). */
export async function checkCurrentPassword(
  db: Queryable,
  person: PersonRef,
  password: string,
): Promise<boolean> {
  const { rows } = await db.query<{ password_hash: string | null }>(
    `SELECT password_hash FROM people
      WHERE organisation_id = $1 AND id = $2 AND status = 'active'`,
    [person.organisationId, person.id],
  );
  const stored = rows[0]?.password_hash;
  if (!stored) return false;
  return verifyPassword(stored, password);
}

/**
 * Replaces the password and ends every other session of the person (AUTH7), together: a thief
 * holding an old session must not outlive the change.
 */
export async function changePassword(
  pool: Pool,
  person: PersonRef,
  passwordHash: string,
  keepSessionId: string,
): Promise<void> {
  await inTransaction(pool, async (client) => {
    const { rowCount } = await client.query(
      `UPDATE people SET password_hash = $3, updated_at = now()
        WHERE organisation_id = $1 AND id = $2 AND status = 'active'`,
      [person.organisationId, person.id, passwordHash],
    );
    if (rowCount !== 1) throw new Error('No active person to change the password of.');
    await invalidateAllSessions(client, person.id, keepSessionId);
  });
}
