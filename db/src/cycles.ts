// Goal cycles of one organisation (SPEC ORG9, ORG10). Every statement is scoped by organisation_id.
import { checkActivation, type CycleFields, type CycleStatus } from '@threadline/domain/org/cycles';
import { fieldError, refused, type Outcome } from '@threadline/domain/org/violation';
import { inTransaction, type Pool, type Queryable } from './connection.ts';
import { isUniqueViolation } from './people.ts';

export interface Cycle extends CycleFields {
  id: string;
}

export async function listCycles(db: Queryable, organisationId: string): Promise<Cycle[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    starts_on: string;
    ends_on: string;
    status: CycleStatus;
  }>(
    `SELECT id, name, starts_on, ends_on, status FROM cycles
      WHERE organisation_id = $1
      ORDER BY starts_on DESC, lower(name)`,
    [organisationId],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
  }));
}

const DUPLICATE_NAME = 'Another cycle already has this name.';
const ANOTHER_ACTIVE =
  'Another cycle became active meanwhile: close it before activating this one.';

/**
 * Creates (cycleId null) or updates a cycle. ORG10: activating while another cycle is active is
 * refused; the partial unique index backs the check when two admins activate at once.
 */
export async function saveCycle(
  pool: Pool,
  organisationId: string,
  cycleId: string | null,
  fields: CycleFields,
): Promise<Outcome<{ id: string }>> {
  try {
    return await inTransaction(pool, async (client) => {
      if (cycleId !== null) {
        const existing = await client.query(
          `SELECT 1 FROM cycles WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
          [organisationId, cycleId],
        );
        if (existing.rowCount !== 1) {
          return fieldError('form', 'This cycle is not in your organisation.');
        }
      }
      const active = await client.query<{ id: string; name: string }>(
        `SELECT id, name FROM cycles WHERE organisation_id = $1 AND status = 'active'`,
        [organisationId],
      );
      const refusal = checkActivation(cycleId, fields.status, active.rows[0]);
      if (refusal) return refused(refusal);
      const values = [fields.name, fields.startsOn, fields.endsOn, fields.status];
      const { rows } =
        cycleId === null
          ? await client.query<{ id: string }>(
              `INSERT INTO cycles (organisation_id, name, starts_on, ends_on, status)
               VALUES ($1, $2, $3, $4, $5) RETURNING id`,
              [organisationId, ...values],
            )
          : await client.query<{ id: string }>(
              `UPDATE cycles SET name = $3, starts_on = $4, ends_on = $5, status = $6
                WHERE organisation_id = $1 AND id = $2 RETURNING id`,
              [organisationId, cycleId, ...values],
            );
      return { ok: true as const, value: { id: rows[0]!.id } };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'cycles_name_per_organisation')) {
      return fieldError('name', DUPLICATE_NAME);
    }
    if (isUniqueViolation(error, 'cycles_one_active_per_organisation')) {
      return fieldError('status', ANOTHER_ACTIVE);
    }
    throw error;
  }
}
