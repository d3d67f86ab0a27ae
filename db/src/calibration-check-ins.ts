// Check-in regularity of the people of a calibration session (CAL59): their 1:1 series as
// employee and the days of the meetings held in the cycle, from the 1:1 projection (ONE15), turned
// into kept ÷ due by the domain's rule. No 1:1 content is read: only series rows and meeting days.
import type { Cadence } from '@threadline/domain/one-on-ones/model';
import {
  checkInRegularity,
  type Regularity,
  type RegularitySeries,
} from '@threadline/domain/calibration/regularity';
import type { Queryable } from './connection.ts';

/** Regularity by person id; a person with nothing due is absent ("No data"). */
export async function listCheckInRegularity(
  db: Queryable,
  organisationId: string,
  sessionId: string,
  cycleId: string,
  today: string,
): Promise<Map<string, Regularity>> {
  const { rows: cycles } = await db.query<{ starts_on: string; ends_on: string }>(
    `SELECT to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on
       FROM cycles WHERE organisation_id = $1 AND id = $2`,
    [organisationId, cycleId],
  );
  const cycle = cycles[0];
  const found = new Map<string, Regularity>();
  if (!cycle) return found;
  const { rows } = await db.query<{
    employee_id: string;
    cadence: Cadence;
    starts_on: string;
    ended_on: string | null;
    held_days: string[];
  }>(
    `SELECT s.employee_id, s.cadence, to_char(s.starts_on, 'YYYY-MM-DD') AS starts_on,
            to_char(s.ended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS ended_on,
            COALESCE(array_agg(to_char(m.date, 'YYYY-MM-DD') ORDER BY m.date)
                       FILTER (WHERE m.meeting_id IS NOT NULL), '{}') AS held_days
       FROM calibration_population pop
       JOIN one_on_one_series s
         ON s.organisation_id = pop.organisation_id AND s.employee_id = pop.person_id
       LEFT JOIN one_on_one_meeting_analytics m
         ON m.organisation_id = s.organisation_id AND m.series_id = s.id AND NOT m.cancelled
        AND m.date BETWEEN $3::date AND $4::date
      WHERE pop.organisation_id = $1 AND pop.session_id = $2
      GROUP BY s.id`,
    [organisationId, sessionId, cycle.starts_on, cycle.ends_on],
  );
  const byPerson = new Map<string, RegularitySeries[]>();
  for (const row of rows) {
    const list = byPerson.get(row.employee_id) ?? [];
    list.push({
      cadence: row.cadence,
      startsOn: row.starts_on,
      endedOn: row.ended_on,
      heldDays: row.held_days,
    });
    byPerson.set(row.employee_id, list);
  }
  const window = { startsOn: cycle.starts_on, endsOn: cycle.ends_on };
  for (const [personId, series] of byPerson) {
    const regularity = checkInRegularity(series, window, today);
    if (regularity) found.set(personId, regularity);
  }
  return found;
}
