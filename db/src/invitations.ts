// Invitation links (SPEC AUTH6): an admin creates one for a person in status 'invited'; the link
// carries a random token that is stored only as its hash, works once and expires after 7 days.
import { inTransaction, type Pool, type Queryable } from './connection.ts';
import { generateSessionToken, hashToken } from './sessions.ts';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function invitationPath(token: string): string {
  return `/invite/${token}`;
}

export interface CreatedInvitation {
  /** The secret for the link; shown to the admin once and stored nowhere. */
  token: string;
  /** `/invite/<token>`: prefix it with the site's origin to get the link to send. */
  path: string;
  expiresAt: Date;
}

/**
 * Creates a fresh link for an invited person and deletes their earlier unaccepted ones, so only
 * the newest link works. Throws when the person is not in this organisation or not 'invited'.
 */
export async function createInvitation(
  db: Queryable,
  invitation: { organisationId: string; personId: string; createdBy: string | null },
  now = new Date(),
): Promise<CreatedInvitation> {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  // One statement, so revoking the old links and adding the new one happen together.
  const { rowCount } = await db.query(
    `WITH revoked AS (
       DELETE FROM invitations
        WHERE organisation_id = $1 AND person_id = $2 AND accepted_at IS NULL
     )
     INSERT INTO invitations (organisation_id, person_id, token_hash, created_by, expires_at,
                              created_at)
     SELECT p.organisation_id, p.id, $3, $4, $5, $6
       FROM people p
      WHERE p.organisation_id = $1 AND p.id = $2 AND p.status = 'invited'`,
    [
      invitation.organisationId,
      invitation.personId,
      hashToken(token),
      invitation.createdBy,
      expiresAt,
      now,
    ],
  );
  if (rowCount !== 1) {
    throw new Error('Only a person of this organisation who has not joined yet can be invited.');
  }
  return { token, path: invitationPath(token), expiresAt };
}

/**
 * Why a link cannot be used: unknown (or replaced by a newer one), expired, already used, or
 * withdrawn (its person was deactivated before joining).
 */
export type InvitationProblem = 'unknown' | 'expired' | 'used' | 'withdrawn';

export interface ValidInvitation {
  organisationId: string;
  organisationName: string;
  /** ORG19: the organisation's locale for dates, or null (the reader's browser language). */
  organisationLocale: string | null;
  personId: string;
  name: string;
  email: string;
  expiresAt: Date;
}

export type InvitationLookup =
  { status: 'valid'; invitation: ValidInvitation } | { status: InvitationProblem };

interface InvitationRow {
  organisation_id: string;
  organisation_name: string;
  organisation_locale: string | null;
  person_id: string;
  name: string;
  email: string;
  person_status: string;
  expires_at: Date;
  accepted_at: Date | null;
}

const SELECT_INVITATION = `
  SELECT i.organisation_id, o.name AS organisation_name, o.locale AS organisation_locale,
         i.person_id, p.name, p.email,
         p.status AS person_status, i.expires_at, i.accepted_at
    FROM invitations i
    JOIN people p ON p.organisation_id = i.organisation_id AND p.id = i.person_id
    JOIN organisations o ON o.id = i.organisation_id
   WHERE i.token_hash = $1`;

function judge(row: InvitationRow | undefined, now: Date): InvitationLookup {
  if (!row) return { status: 'unknown' };
  if (row.accepted_at || row.person_status === 'active') return { status: 'used' };
  if (row.person_status !== 'invited') return { status: 'withdrawn' };
  if (row.expires_at.getTime() <= now.getTime()) return { status: 'expired' };
  return {
    status: 'valid',
    invitation: {
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      organisationLocale: row.organisation_locale,
      personId: row.person_id,
      name: row.name,
      email: row.email,
      expiresAt: row.expires_at,
    },
  };
}

/** What the invitation page shows for a token from a link. */
export async function findInvitation(
  db: Queryable,
  token: string,
  now = new Date(),
): Promise<InvitationLookup> {
  const { rows } = await db.query<InvitationRow>(SELECT_INVITATION, [hashToken(token)]);
  return judge(rows[0], now);
}

export type AcceptResult =
  | { ok: true; person: { id: string; organisationId: string; email: string } }
  | { ok: false; problem: InvitationProblem };

/**
 * Sets the invited person's password and makes them active, once. The invitation and person rows
 * are locked first, so two submissions of the same link cannot both succeed.
 */
export async function acceptInvitation(
  pool: Pool,
  token: string,
  passwordHash: string,
  now = new Date(),
): Promise<AcceptResult> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<InvitationRow>(`${SELECT_INVITATION} FOR UPDATE OF i, p`, [
      hashToken(token),
    ]);
    const lookup = judge(rows[0], now);
    if (lookup.status !== 'valid') return { ok: false, problem: lookup.status };
    const { invitation } = lookup;
    await client.query(`UPDATE invitations SET accepted_at = $2 WHERE token_hash = $1`, [
      hashToken(token),
      now,
    ]);
    await client.query(
      `UPDATE people SET password_hash = $3, status = 'active', updated_at = $4
        WHERE organisation_id = $1 AND id = $2`,
      [invitation.organisationId, invitation.personId, passwordHash, now],
    );
    return {
      ok: true,
      person: {
        id: invitation.personId,
        organisationId: invitation.organisationId,
        email: invitation.email,
      },
    };
  });
}
