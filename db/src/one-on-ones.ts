// 1:1 series rows (ONE1, ONE4): starting one, listing a person's, the organisation's HR setting.
// Every statement is scoped by organisation_id; the series' content lives in its documents.
import type { Outcome } from '@threadline/domain/org/violation';
import type { Cadence, Weekday } from '@threadline/domain/one-on-ones/model';
import {
  checkSchedule,
  checkStart,
  firstDay,
  type SeriesSchedule,
} from '@threadline/domain/one-on-ones/start';
import { inTransaction, type Pool, type Queryable } from './connection.ts';
import { isUniqueViolation } from './people.ts';

export interface SeriesListing {
  id: string;
  managerId: string;
  managerName: string;
  employeeId: string;
  employeeName: string;
  cadence: Cadence;
  weekday: Weekday;
  time: string;
  startsOn: string;
  endedAt: string | null;
}

interface SeriesRow {
  id: string;
  manager_id: string;
  manager_name: string;
  employee_id: string;
  employee_name: string;
  cadence: Cadence;
  weekday: number;
  time_of_day: string;
  starts_on: string;
  ended_at: Date | null;
}

const SELECT_SERIES = `
  SELECT s.id, s.manager_id, m.name AS manager_name, s.employee_id, e.name AS employee_name,
         s.cadence, s.weekday, to_char(s.time_of_day, 'HH24:MI') AS time_of_day,
         to_char(s.starts_on, 'YYYY-MM-DD') AS starts_on, s.ended_at
    FROM one_on_one_series s
    JOIN people m ON m.organisation_id = s.organisation_id AND m.id = s.manager_id
    JOIN people e ON e.organisation_id = s.organisation_id AND e.id = s.employee_id`;

const toListing = (row: SeriesRow): SeriesListing => ({
  id: row.id,
  managerId: row.manager_id,
  managerName: row.manager_name,
  employeeId: row.employee_id,
  employeeName: row.employee_name,
  cadence: row.cadence,
  weekday: row.weekday as Weekday,
  time: row.time_of_day,
  startsOn: row.starts_on,
  endedAt: row.ended_at?.toISOString() ?? null,
});

/** The series a person is a member of, as manager or as employee; running ones first. */
export async function seriesOf(
  db: Queryable,
  organisationId: string,
  personId: string,
): Promise<SeriesListing[]> {
  const { rows } = await db.query<SeriesRow>(
    `${SELECT_SERIES}
      WHERE s.organisation_id = $1 AND (s.manager_id = $2 OR s.employee_id = $2)
      ORDER BY s.ended_at IS NOT NULL, s.ended_at DESC, lower(e.name), lower(m.name)`,
    [organisationId, personId],
  );
  return rows.map(toListing);
}

export async function seriesById(
  db: Queryable,
  organisationId: string,
  seriesId: string,
): Promise<SeriesListing | null> {
  const { rows } = await db.query<SeriesRow>(
    `${SELECT_SERIES} WHERE s.organisation_id = $1 AND s.id = $2`,
    [organisationId, seriesId],
  );
  return rows[0] ? toListing(rows[0]) : null;
}

/** ONE1: starts a series between `employeeId` and their manager. */
export async function startSeries(
  pool: Pool,
  starter: { id: string; organisationId: string; isAdmin: boolean },
  employeeId: string,
  input: { cadence: string; weekday: number; time: string; from: string },
): Promise<Outcome<{ id: string }>> {
  const invalid = checkSchedule(input);
  if (invalid) return { ok: false, errors: invalid };
  const schedule = input as SeriesSchedule;
  try {
    return await inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ manager_id: string | null; status: string }>(
        `SELECT manager_id, status FROM people WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [starter.organisationId, employeeId],
      );
      const person = rows[0];
      const running = person?.manager_id
        ? await client.query(
            `SELECT 1 FROM one_on_one_series WHERE organisation_id = $1 AND manager_id = $2
                AND employee_id = $3 AND ended_at IS NULL`,
            [starter.organisationId, person.manager_id, employeeId],
          )
        : { rowCount: 0 };
      const refusal = checkStart({
        starter: { id: starter.id, isAdmin: starter.isAdmin },
        employee: person
          ? {
              id: employeeId,
              managerId: person.manager_id,
              active: person.status !== 'deactivated',
            }
          : null,
        hasRunningSeries: (running.rowCount ?? 0) > 0,
      });
      if (refusal) return { ok: false as const, errors: refusal };
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO one_on_one_series (organisation_id, manager_id, employee_id, cadence, weekday,
                                        time_of_day, starts_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          starter.organisationId,
          person!.manager_id,
          employeeId,
          schedule.cadence,
          schedule.weekday,
          schedule.time,
          firstDay(schedule),
          starter.id,
        ],
      );
      return { ok: true as const, value: { id: inserted.rows[0]!.id } };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'one_on_one_series_running')) {
      return {
        ok: false,
        errors: { employeeId: 'They already have a 1:1 series with their manager.' },
      };
    }
    throw error;
  }
}

/** ONE4: the organisation's "HR may read shared 1:1 agendas". */
export async function hrMayReadOneOnOnes(db: Queryable, organisationId: string): Promise<boolean> {
  const { rows } = await db.query<{ on: boolean }>(
    'SELECT hr_may_read_one_on_ones AS on FROM organisations WHERE id = $1',
    [organisationId],
  );
  return rows[0]?.on ?? false;
}

export async function setHrMayReadOneOnOnes(
  db: Queryable,
  organisationId: string,
  on: boolean,
): Promise<void> {
  await db.query('UPDATE organisations SET hr_may_read_one_on_ones = $2 WHERE id = $1', [
    organisationId,
    on,
  ]);
}
