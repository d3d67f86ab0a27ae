// A year of 1:1 history for a generated organisation (DEMO50, DEMO51): `pnpm seed --people N`
// gives the dashboards a year to read, as an organisation that has used the product for a year
// would have. The history goes only where analytics reads it, the rows the 1:1 projector writes
// (one_on_one_meeting_analytics, one_on_one_action_analytics, one_on_one_mood_analytics): a
// year of meetings per series as Yjs documents would take most of an hour to write and project
// at 5,000 people, and no page but analytics shows meetings that old. Each series' documents keep
// their 8–12 recent meetings (DEMO17); its start moves a year back, so the history sits inside it.
// Set-based (one INSERT … SELECT per table) and deterministic: every choice is a hash of the
// series and the meeting's number.
import type { Queryable } from './connection.ts';
import { deferOneOnOneWeeks, refreshOneOnOneWeeks } from './one-on-one-weeks.ts';

/** DEMO50: how far back the history reaches, in days (52 weeks: every cadence fits whole). */
export const HISTORY_DAYS = 364;

export interface SeededHistory {
  meetings: number;
  moods: number;
  actions: number;
}

/**
 * Writes the history of every running series of the organisation. Run inside the seed's
 * transaction, after seedOneOnOnes (whose `starts_on` is each series' first held meeting).
 */
export async function seedOneOnOneHistory(
  db: Queryable,
  organisationId: string,
): Promise<SeededHistory> {
  // ANA31: the roll-up's triggers wait; one refresh at the end reads the whole year once.
  await deferOneOnOneWeeks(db);
  // The meetings before each series' first held one, one cadence period apart; the series
  // starts a year earlier. `h` is a stable pseudo-random number per series and meeting.
  await db.query(
    `CREATE TEMPORARY TABLE history_meetings ON COMMIT DROP AS
     WITH series AS (
       SELECT s.id, s.employee_id, s.starts_on, s.time_of_day,
              CASE s.cadence WHEN 'weekly' THEN 7 WHEN 'biweekly' THEN 14 ELSE 28 END AS period,
              -- DEMO50: each series' mood has a level and a trend (some rising, some falling).
              2 + abs(hashtext(s.id::text || ':level')) % 3 AS level,
              (abs(hashtext(s.id::text || ':trend')) % 3) - 1 AS trend
         FROM one_on_one_series s
        WHERE s.organisation_id = $1 AND s.ended_at IS NULL
     )
     SELECT s.id AS series_id, s.employee_id, n, s.period, s.level, s.trend,
            s.starts_on - s.period * n AS day,
            ((s.starts_on - s.period * n) + s.time_of_day) AT TIME ZONE 'UTC' AS at,
            abs(hashtext(s.id::text || ':' || n)) AS h
       FROM series s, generate_series(1, $2::int / s.period) AS n`,
    [organisationId, HISTORY_DAYS],
  );
  const meetings = await db.query(
    `INSERT INTO one_on_one_meeting_analytics (organisation_id, series_id, meeting_id, date,
                                               cancelled, points, points_done, actions_raised)
     SELECT $1, series_id, 'history-' || n, day, h % 20 = 0, 2 + h % 3, 1 + h % 3,
            (h % 20 <> 0 AND h % 3 = 0)::int
       FROM history_meetings`,
    [organisationId],
  );
  // DEMO50: a mood in most held meetings, around the series' level, drifting by its trend over
  // the year (n counts back from the documents' first meeting) and varying by one either way.
  const moods = await db.query(
    `INSERT INTO one_on_one_mood_analytics (organisation_id, series_id, meeting_id, employee_id,
                                            value, at)
     SELECT $1, series_id, 'history-' || n, employee_id,
            LEAST(5, GREATEST(1, level - round(trend * n * period / $2::numeric)::int
                                 + (h / 7) % 3 - 1)),
            at
       FROM history_meetings
      WHERE h % 20 <> 0 AND h % 8 <> 0`,
    [organisationId, HISTORY_DAYS],
  );
  // DEMO50: an action item in a third of the held meetings, the employee's or the manager's, due
  // a week later; most ticked one or two meetings on, a few carried longer, one in fifty never.
  const actions = await db.query(
    `INSERT INTO one_on_one_action_analytics (organisation_id, series_id, action_id, owner_id,
                                              due_date, raised_on, done, done_at, overdue,
                                              times_carried, deleted)
     SELECT $1, m.series_id, md5(m.series_id::text || ':action:' || m.n)::uuid,
            CASE WHEN m.h % 4 = 0 THEN s.manager_id ELSE s.employee_id END,
            m.day + 7, m.day, d.after IS NOT NULL,
            CASE WHEN d.after IS NOT NULL THEN m.at + make_interval(days => d.after) END,
            d.after IS NULL, COALESCE(d.after / m.period, 3), false
       FROM history_meetings m
       JOIN one_on_one_series s ON s.id = m.series_id
       CROSS JOIN LATERAL (
         SELECT CASE WHEN m.h % 50 = 1 THEN NULL
                     WHEN m.h % 10 = 4 THEN m.period * 3
                     ELSE m.period * (1 + (m.h / 11) % 2) END AS after
       ) d
      WHERE m.h % 20 <> 0 AND m.h % 3 = 0`,
    [organisationId],
  );
  await db.query(
    `UPDATE one_on_one_series SET starts_on = starts_on - $2::int
      WHERE organisation_id = $1 AND ended_at IS NULL`,
    [organisationId, HISTORY_DAYS],
  );
  await refreshOneOnOneWeeks(db, organisationId);
  return {
    meetings: meetings.rowCount ?? 0,
    moods: moods.rowCount ?? 0,
    actions: actions.rowCount ?? 0,
  };
}
