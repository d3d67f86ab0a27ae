// The organisation's settings page (ORG18, ORG19): whether HR admins may read shared 1:1 agendas
// (ONE4) and the locale every page writes dates in. Only an active administrator changes them: the
// actor's role is read again inside the writing transaction, so a session that lost the admin role
// a moment ago is refused too, whatever the page showed.
import { parseLocale } from '@threadline/domain/org/locale';
import type { Outcome } from '@threadline/domain/org/violation';
import { inTransaction, type Pool, type Queryable } from './connection.ts';

export interface OrganisationSettings {
  hrMayReadOneOnOnes: boolean;
  /** A canonical BCP 47 tag, or null: each reader's browser language. */
  locale: string | null;
}

export const ADMINS_ONLY_SETTINGS = 'Only administrators can change the organisation’s settings.';

export async function organisationSettings(
  db: Queryable,
  organisationId: string,
): Promise<OrganisationSettings> {
  const { rows } = await db.query<{ hr: boolean; locale: string | null }>(
    'SELECT hr_may_read_one_on_ones AS hr, locale FROM organisations WHERE id = $1',
    [organisationId],
  );
  return { hrMayReadOneOnOnes: rows[0]?.hr ?? false, locale: rows[0]?.locale ?? null };
}

/** The values as a settings form sends them: a checkbox (present when on) and a typed tag. */
export interface SettingsInput {
  hrMayReadOneOnOnes: boolean;
  locale: string;
}

/**
 * ORG18: saves both settings when `actor` is an active admin of the organisation now; otherwise
 * nothing changes and `forbidden` says so. A bad locale tag (ORG19) changes nothing either.
 */
export async function saveOrganisationSettings(
  pool: Pool,
  actor: { id: string; organisationId: string },
  input: SettingsInput,
): Promise<Outcome<OrganisationSettings> | { ok: false; forbidden: true }> {
  const locale = parseLocale(input.locale);
  return inTransaction(pool, async (client) => {
    // Locks the organisation's row, as every admin write does, so two admins' saves queue.
    const { rows } = await client.query<{ role: string; status: string }>(
      `SELECT p.role, p.status FROM organisations o
         JOIN people p ON p.organisation_id = o.id AND p.id = $2
        WHERE o.id = $1 FOR NO KEY UPDATE OF o`,
      [actor.organisationId, actor.id],
    );
    const person = rows[0];
    if (!person || person.role !== 'admin' || person.status !== 'active') {
      return { ok: false, forbidden: true } as const;
    }
    if (!locale.ok) return locale;
    await client.query(
      'UPDATE organisations SET hr_may_read_one_on_ones = $2, locale = $3 WHERE id = $1',
      [actor.organisationId, input.hrMayReadOneOnOnes, locale.value],
    );
    return {
      ok: true,
      value: { hrMayReadOneOnOnes: input.hrMayReadOneOnOnes, locale: locale.value },
    } as const;
  });
}
