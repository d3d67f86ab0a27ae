// The 1:1 weekly roll-up (ANA31, migration 1765200200001) for writers of many rows at once: its
// triggers refresh the keys each statement touches, which for a seed's year of history or a
// restored organisation means every key once per statement. Such a writer defers them for its
// transaction and refreshes the organisation once at the end.
import type { Queryable } from './connection.ts';

/** Until the transaction ends (or `refreshOneOnOneWeeks`), the roll-up's triggers do nothing. */
export async function deferOneOnOneWeeks(db: Queryable): Promise<void> {
  await db.query(`SELECT set_config('threadline.one_on_one_weeks', 'deferred', true)`);
}

/** The triggers again, and every week of the organisation's roll-up rewritten once. */
export async function refreshOneOnOneWeeks(db: Queryable, organisationId: string): Promise<void> {
  await db.query(`SELECT set_config('threadline.one_on_one_weeks', '', true)`);
  await db.query(
    `SELECT refresh_one_on_one_weeks_of($1, array_agg(id), NULL)
       FROM people WHERE organisation_id = $1`,
    [organisationId],
  );
}
