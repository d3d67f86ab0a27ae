// 1:1 documents into analytics rows (ONE15, SYNC24): the rows come from the domain's pure
// projector; this adds the upserts. The documents are small (a series' years of meetings), so a
// run projects every row and the projection writes only those that changed. Rows travel as one
// JSON parameter unpacked by jsonb_to_recordset: one statement per table whatever their number.
import { toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import type { Queryable } from '@threadline/db';
import { parseDocumentName } from '@threadline/domain/documents/names';
import {
  projectActions,
  projectCheckIns,
  projectMeetings,
  projectMoods,
} from '@threadline/domain/one-on-ones/projector';
import type { DocumentKey } from '../../persistence/document-storage.ts';
import { applyPendingCheckIns, writeCheckIns } from './check-ins.ts';
import type { DocumentProjector, ProjectedRow } from '../../projection/document-projector.ts';

const MEETINGS = 'one_on_one_meeting_analytics';
const ACTIONS = 'one_on_one_action_analytics';
const MOODS = 'one_on_one_mood_analytics';
const CHECK_INS = 'one_on_one_check_ins';

function seriesIdOf(key: DocumentKey): string {
  const name = parseDocumentName(key.name);
  if (name?.kind !== 'one-on-one' && name?.kind !== 'one-on-one-mood') {
    throw new Error(`not a 1:1 document: ${key.name}`);
  }
  return name.seriesId;
}

const today = () => new Date().toISOString().slice(0, 10);

const rowsOf =
  (table: string, id: (row: Record<string, unknown>) => string) =>
  (rows: readonly object[]): ProjectedRow[] =>
    rows.map((row) => ({ table, id: id(row as Record<string, unknown>), values: { ...row } }));

export const agendaProjector: DocumentProjector<null> = {
  context: async () => null,
  follow: (doc) => ({
    *rows() {
      yield [
        ...rowsOf(MEETINGS, (row) => String(row.meetingId))(projectMeetings(doc)),
        ...rowsOf(ACTIONS, (row) => String(row.actionId))(projectActions(doc, today())),
        ...rowsOf(CHECK_INS, (row) => String(row.checkInId))(projectCheckIns(doc)),
      ];
    },
    // SYNC27: a device without the agenda draws it from this while its socket connects (the
    // page preloads it). An agenda is small, so its snapshot is the document itself.
    snapshot: () => JSON.stringify({ update: toBase64(Y.encodeStateAsUpdate(doc)) }),
    stop: () => {},
  }),
  async write(db, key, rows) {
    const seriesId = seriesIdOf(key);
    const meetings = rows.filter((row) => row.table === MEETINGS).map((row) => row.values);
    const actions = rows.filter((row) => row.table === ACTIONS).map((row) => row.values);
    if (meetings.length > 0) await writeMeetings(db, key.organisationId, seriesId, meetings);
    if (actions.length > 0) await writeActions(db, key.organisationId, seriesId, actions);
    const checkIns = rows.filter((row) => row.table === CHECK_INS).map((row) => row.values);
    if (checkIns.length > 0) await writeCheckIns(db, key.organisationId, seriesId, checkIns);
  },
  /** ONE20: check-ins made in the series' meetings reach their goals: after a run that wrote
   *  check-ins, or projected every row (a check-in left unapplied before a restart; the sweep,
   *  ONE50, finds any other). A run that wrote only meetings or action items has none to apply:
   *  asking the database anyway was one more query per series edit (the 1:1 agendas workload,
   *  BENCHMARKS.md). */
  afterWrite: async (db, key, effects, { written, all }) => {
    if (all || written.some((row) => row.table === CHECK_INS)) {
      await applyPendingCheckIns(db, key, seriesIdOf(key), effects);
    }
  },
  // Two people typing keep a series changing every few hundred milliseconds: with the default
  // quarter-second quiet time it was projected after nearly every edit (a sixth of the server's
  // busy time at 500 series in the benchmark). Counts of meetings and action items may be a
  // couple of seconds old; analytics refreshes within 5 s of an edit (issue 18).
  leastDelay: { delayMs: 1000, maxDelayMs: 2000 },
};

/** The mood rows need the series' employee: moods are read per person, in aggregate only. */
export const moodProjector: DocumentProjector<{ employeeId: string | null }> = {
  async context(db, key) {
    const { rows } = await db.query<{ employee_id: string }>(
      'SELECT employee_id FROM one_on_one_series WHERE organisation_id = $1 AND id = $2',
      [key.organisationId, seriesIdOf(key)],
    );
    return { employeeId: rows[0]?.employee_id ?? null };
  },
  follow: (doc) => ({
    *rows({ employeeId }) {
      if (employeeId === null) return;
      yield rowsOf(MOODS, (row) => String(row.meetingId))(
        projectMoods(doc).map((mood) => ({ ...mood, employeeId })),
      );
    },
    stop: () => {},
  }),
  async write(db, key, rows) {
    await db.query(
      `INSERT INTO one_on_one_mood_analytics
         (organisation_id, series_id, meeting_id, employee_id, value, at, projected_at)
       SELECT $1, $2, r."meetingId", r."employeeId", r."value", r."at", now()
         FROM jsonb_to_recordset($3::jsonb) AS r("meetingId" text, "employeeId" uuid,
                                                 "value" smallint, "at" timestamptz)
       ON CONFLICT (organisation_id, series_id, meeting_id) DO UPDATE SET
         employee_id = EXCLUDED.employee_id, value = EXCLUDED.value, at = EXCLUDED.at,
         projected_at = EXCLUDED.projected_at`,
      [key.organisationId, seriesIdOf(key), JSON.stringify(rows.map((row) => row.values))],
    );
  },
};

async function writeMeetings(
  db: Queryable,
  organisationId: string,
  seriesId: string,
  rows: unknown[],
) {
  await db.query(
    `INSERT INTO one_on_one_meeting_analytics
       (organisation_id, series_id, meeting_id, date, cancelled, points, points_done,
        actions_raised, projected_at)
     SELECT $1, $2, r."meetingId", r."date", r."cancelled", r."points", r."pointsDone",
            r."actionsRaised", now()
       FROM jsonb_to_recordset($3::jsonb) AS r("meetingId" text, "date" date, "cancelled" boolean,
                                               "points" integer, "pointsDone" integer,
                                               "actionsRaised" integer)
     ON CONFLICT (organisation_id, series_id, meeting_id) DO UPDATE SET
       date = EXCLUDED.date, cancelled = EXCLUDED.cancelled, points = EXCLUDED.points,
       points_done = EXCLUDED.points_done, actions_raised = EXCLUDED.actions_raised,
       projected_at = EXCLUDED.projected_at`,
    [organisationId, seriesId, JSON.stringify(rows)],
  );
}

async function writeActions(
  db: Queryable,
  organisationId: string,
  seriesId: string,
  rows: unknown[],
) {
  await db.query(
    `INSERT INTO one_on_one_action_analytics
       (organisation_id, series_id, action_id, owner_id, due_date, raised_on, done, done_at,
        overdue, times_carried, deleted, projected_at)
     SELECT $1, $2, r."actionId", r."ownerId", r."dueDate", r."raisedOn", r."done", r."doneAt",
            r."overdue", r."timesCarried", r."deleted", now()
       FROM jsonb_to_recordset($3::jsonb) AS r("actionId" uuid, "ownerId" uuid, "dueDate" date,
                                               "raisedOn" date, "done" boolean,
                                               "doneAt" timestamptz, "overdue" boolean,
                                               "timesCarried" integer, "deleted" boolean)
     ON CONFLICT (organisation_id, series_id, action_id) DO UPDATE SET
       owner_id = EXCLUDED.owner_id, due_date = EXCLUDED.due_date, raised_on = EXCLUDED.raised_on,
       done = EXCLUDED.done, done_at = EXCLUDED.done_at, overdue = EXCLUDED.overdue,
       times_carried = EXCLUDED.times_carried, deleted = EXCLUDED.deleted,
       projected_at = EXCLUDED.projected_at`,
    [organisationId, seriesId, JSON.stringify(rows)],
  );
}
