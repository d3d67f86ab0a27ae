// Pay and merit settings (SPEC CAL70–CAL78): people's pay, a session's merit matrix and budget,
// and which participants see pay. The one module that reads `person_pay`: every read of someone's
// pay for a session asks receivesPay (CAL76) first, with the reader's role, status and part read
// from the database, never from what a page or a form says. Scoped by organisation_id.
import {
  editsMerit,
  choosesPayViewers,
  receivesPay,
  type PayReader,
} from '@threadline/domain/calibration/merit/access';
import {
  checkMeritSettings,
  defaultMeritSettings,
  type MeritMatrix,
  type MeritSettings,
} from '@threadline/domain/calibration/merit/matrix';
import { rangePosition, type PayData } from '@threadline/domain/calibration/merit/pay';
import type { ScalePoint, SessionStatus } from '@threadline/domain/calibration/model';
import { isUuid } from '@threadline/domain/ids';
import { fieldError, type Outcome } from '@threadline/domain/org/violation';
import { inTransaction, type Pool, type Queryable } from './connection.ts';

export const PAY_REFUSED =
  'Pay is shown only to HR administrators and the participants the session allows to see it.';

const PAY_COLUMNS = `(pp.salary * 100) AS salary, pp.currency, (pp.range_min * 100) AS range_min,
  (pp.range_mid * 100) AS range_mid, (pp.range_max * 100) AS range_max`;

interface PayRow {
  salary: number;
  currency: string;
  range_min: number;
  range_mid: number;
  range_max: number;
}

const payOf = (row: PayRow): PayData => ({
  salary: Math.round(row.salary),
  currency: row.currency,
  rangeMin: Math.round(row.range_min),
  rangeMid: Math.round(row.range_mid),
  rangeMax: Math.round(row.range_max),
});

const major = (minor: number) => (minor / 100).toFixed(2);

export interface SessionPayContext {
  reader: PayReader;
  status: SessionStatus;
  scale: ScalePoint[];
  merit: MeritSettings;
}

/**
 * The reader's standing for a session's pay (CAL76–CAL78), read again from the database: whether
 * they are an active administrator, their part and whether the session lets them see pay; with
 * the session's state, scale and merit settings. Undefined when there is no such session.
 */
export async function sessionPayContext(
  db: Queryable,
  organisationId: string,
  sessionId: string,
  personId: string,
  options: { lock?: boolean } = {},
): Promise<SessionPayContext | undefined> {
  if (!isUuid(sessionId)) return undefined;
  const { rows } = await db.query<{
    status: SessionStatus;
    scale: ScalePoint[];
    merit_matrix: MeritMatrix | null;
    merit_budget_percent: number;
    is_admin: boolean;
    role: 'leader' | 'facilitator' | null;
    sees_pay: boolean | null;
  }>(
    `SELECT s.status, s.scale, s.merit_matrix, s.merit_budget_percent,
            COALESCE(me.role = 'admin' AND me.status = 'active', false) AS is_admin,
            part.role, part.sees_pay
       FROM calibration_sessions s
       LEFT JOIN people me ON me.organisation_id = s.organisation_id AND me.id = $3
       LEFT JOIN calibration_participants part
         ON part.session_id = s.id AND part.person_id = $3 AND me.status <> 'deactivated'
      WHERE s.organisation_id = $1 AND s.id = $2
      ${options.lock ? 'FOR UPDATE OF s' : ''}`,
    [organisationId, sessionId, personId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    reader: { isAdmin: row.is_admin, role: row.role, seesPay: row.sees_pay ?? false },
    status: row.status,
    scale: row.scale,
    merit: meritOf(row.merit_matrix, row.merit_budget_percent, row.scale),
  };
}

/** CAL72: the stored matrix when it fits the scale (a draft's scale may have changed since), else
 *  the default grid. */
function meritOf(matrix: MeritMatrix | null, budgetPercent: number, scale: ScalePoint[]) {
  const defaults = defaultMeritSettings(scale);
  const stored = { matrix: matrix ?? defaults.matrix, budgetPercent };
  return checkMeritSettings(stored, scale).ok ? stored : { ...defaults, budgetPercent };
}

/**
 * CAL76: the pay of everyone in the session's population, by person id, for a reader who
 * receives pay; `refused` for anyone else, with no figure read.
 */
export async function populationPay(
  db: Queryable,
  organisationId: string,
  sessionId: string,
  personId: string,
): Promise<
  | { ok: true; pay: Record<string, PayData>; merit: MeritSettings }
  | { ok: false; reason: 'not-found' | 'refused' }
> {
  const context = await sessionPayContext(db, organisationId, sessionId, personId);
  if (!context) return { ok: false, reason: 'not-found' };
  if (!receivesPay(context.reader)) return { ok: false, reason: 'refused' };
  const { rows } = await db.query<PayRow & { person_id: string }>(
    `SELECT pop.person_id, ${PAY_COLUMNS}
       FROM calibration_population pop
       JOIN person_pay pp ON pp.organisation_id = pop.organisation_id AND pp.person_id = pop.person_id
      WHERE pop.organisation_id = $1 AND pop.session_id = $2`,
    [organisationId, sessionId],
  );
  const pay: Record<string, PayData> = {};
  for (const row of rows) pay[row.person_id] = payOf(row);
  return { ok: true, pay, merit: context.merit };
}

/** CAL77: saves a session's matrix and budget, re-checking the actor and every cell. */
export async function saveMeritSettings(
  pool: Pool,
  organisationId: string,
  sessionId: string,
  actorId: string,
  settings: MeritSettings,
): Promise<Outcome<MeritSettings> | { ok: false; forbidden: true; errors: { form: string } }> {
  return inTransaction(pool, async (client) => {
    const context = await sessionPayContext(client, organisationId, sessionId, actorId, {
      lock: true,
    });
    if (!context) return fieldError('form', 'There is no such calibration session.');
    if (!editsMerit(context.reader, context.status)) {
      const message =
        context.status === 'finalized'
          ? 'The session is finalized: reopen it to change the merit matrix.'
          : 'Only the session’s facilitators and administrators change the merit matrix.';
      return { ok: false, forbidden: true, errors: { form: message } };
    }
    const checked = checkMeritSettings(settings, context.scale);
    if (!checked.ok) return checked;
    await client.query(
      `UPDATE calibration_sessions SET merit_matrix = $3, merit_budget_percent = $4, updated_at = now()
        WHERE organisation_id = $1 AND id = $2`,
      [organisationId, sessionId, JSON.stringify(settings.matrix), settings.budgetPercent],
    );
    return { ok: true, value: settings };
  });
}

/** CAL78: an administrator sets which of the session's participants see pay. */
export async function setPayViewers(
  pool: Pool,
  organisationId: string,
  sessionId: string,
  actorId: string,
  personIds: readonly string[],
): Promise<Outcome<{ seesPay: number }>> {
  if (!personIds.every(isUuid)) return fieldError('form', 'Choose participants from the list.');
  return inTransaction(pool, async (client): Promise<Outcome<{ seesPay: number }>> => {
    const context = await sessionPayContext(client, organisationId, sessionId, actorId, {
      lock: true,
    });
    if (!context) return fieldError('form', 'There is no such calibration session.');
    if (!choosesPayViewers(context.reader)) {
      return fieldError('form', 'Only administrators choose who sees pay.');
    }
    const { rows } = await client.query<{ sees_pay: boolean }>(
      `UPDATE calibration_participants SET sees_pay = person_id = ANY($3::uuid[])
        WHERE organisation_id = $1 AND session_id = $2
        RETURNING sees_pay`,
      [organisationId, sessionId, personIds],
    );
    const seesPay = rows.filter((row) => row.sees_pay).length;
    if (seesPay !== new Set(personIds).size) {
      throw new PayViewersRefused();
    }
    return { ok: true, value: { seesPay } };
  }).catch((error: unknown) => {
    if (error instanceof PayViewersRefused) {
      return fieldError('form', 'Only the session’s participants can be allowed to see pay.');
    }
    throw error;
  });
}

class PayViewersRefused extends Error {}

/** Which participants of a session see pay (CAL78), for the administrators' form. */
export async function payViewers(
  db: Queryable,
  organisationId: string,
  sessionId: string,
): Promise<string[]> {
  const { rows } = await db.query<{ person_id: string }>(
    `SELECT person_id FROM calibration_participants
      WHERE organisation_id = $1 AND session_id = $2 AND sees_pay`,
    [organisationId, sessionId],
  );
  return rows.map((row) => row.person_id);
}

/** One person's pay, for the administrators' person page (ORG16, CAL70). */
export async function personPay(
  db: Queryable,
  organisationId: string,
  personId: string,
): Promise<PayData | null> {
  if (!isUuid(personId)) return null;
  const { rows } = await db.query<PayRow>(
    `SELECT ${PAY_COLUMNS} FROM person_pay pp WHERE pp.organisation_id = $1 AND pp.person_id = $2`,
    [organisationId, personId],
  );
  return rows[0] ? payOf(rows[0]) : null;
}

/** Everyone's pay by lower-cased email, for the import's preview (administrators only). */
export async function personPayByEmail(
  db: Queryable,
  organisationId: string,
): Promise<Map<string, PayData>> {
  const { rows } = await db.query<PayRow & { email: string }>(
    `SELECT lower(p.email) AS email, ${PAY_COLUMNS}
       FROM person_pay pp
       JOIN people p ON p.organisation_id = pp.organisation_id AND p.id = pp.person_id
      WHERE pp.organisation_id = $1`,
    [organisationId],
  );
  return new Map(rows.map((row) => [row.email, payOf(row)]));
}

/**
 * CAL70: sets (or with null removes) the pay of people of the organisation, in the caller's
 * transaction; saved pay sets the range position (ORG11) from it. The caller checked the actor is
 * an administrator.
 */
export async function writePay(
  db: Queryable,
  organisationId: string,
  entries: readonly { personId: string; pay: PayData | null }[],
): Promise<void> {
  const removed = entries.filter((entry) => entry.pay === null).map((entry) => entry.personId);
  const saved = entries.filter((entry) => entry.pay !== null) as {
    personId: string;
    pay: PayData;
  }[];
  if (removed.length > 0) {
    await db.query(
      `DELETE FROM person_pay WHERE organisation_id = $1 AND person_id = ANY($2::uuid[])`,
      [organisationId, removed],
    );
  }
  if (saved.length === 0) return;
  await db.query(
    `INSERT INTO person_pay (organisation_id, person_id, salary, currency, range_min, range_mid,
                             range_max)
     SELECT $1, u.person_id, u.salary, u.currency, u.range_min, u.range_mid, u.range_max
       FROM unnest($2::uuid[], $3::numeric[], $4::text[], $5::numeric[], $6::numeric[],
                   $7::numeric[]) AS u(person_id, salary, currency, range_min, range_mid, range_max)
     ON CONFLICT (organisation_id, person_id) DO UPDATE SET
       salary = EXCLUDED.salary, currency = EXCLUDED.currency, range_min = EXCLUDED.range_min,
       range_mid = EXCLUDED.range_mid, range_max = EXCLUDED.range_max, updated_at = now()`,
    [
      organisationId,
      saved.map((entry) => entry.personId),
      saved.map((entry) => major(entry.pay.salary)),
      saved.map((entry) => entry.pay.currency),
      saved.map((entry) => major(entry.pay.rangeMin)),
      saved.map((entry) => major(entry.pay.rangeMid)),
      saved.map((entry) => major(entry.pay.rangeMax)),
    ],
  );
  await db.query(
    `UPDATE people p SET pay_range_position = u.position, updated_at = now()
       FROM unnest($2::uuid[], $3::numeric[]) AS u(person_id, position)
      WHERE p.organisation_id = $1 AND p.id = u.person_id`,
    [
      organisationId,
      saved.map((entry) => entry.personId),
      saved.map((entry) => rangePosition(entry.pay)),
    ],
  );
}
