// Seeds the 1:1s of a generated organisation (DEMO16–DEMO18): a series row for every reporting
// line (one statement), and each series' documents — the shared agenda `one-on-one/<id>`, the
// mood `one-on-one-mood/<id>`, the well-known pair's `private-notes/<id>/<person>` — appended to
// the document log by the same writer as the sync server's accepted updates, so the server loads
// them like any other document. Series are written one at a time and their rows appended in
// batches, so a 5,000-person organisation never holds all its documents in memory at once.
import { randomUUID } from 'node:crypto';
import {
  goalsByOwner,
  planMeetingCheckIns,
  writeMeetingCheckIns,
  type SeedDocument,
} from '@threadline/domain/demo/one-on-one-check-ins';
import type { AgendaCheckIn } from '@threadline/domain/one-on-ones/check-ins';
import type { GeneratedOrganisation } from '@threadline/domain/demo/generate';
import type { DemoLogEntry } from '@threadline/domain/demo/goals-log';
import { generateDemoOneOnOnes } from '@threadline/domain/demo/one-on-ones';
import { writeDemoSeriesLogs } from '@threadline/domain/demo/one-on-ones-log';
import { formatDocumentName } from '@threadline/domain/documents/names';
import type { Queryable } from './connection.ts';
import { appendToDocumentLog, type DocumentLogRow } from './document-log.ts';

export interface SeedOneOnOnesInput {
  organisationId: string;
  organisation: GeneratedOrganisation;
  /** Database ids by generated key (seed.ts draws them). */
  personIds: ReadonlyMap<string, string>;
  /** The seed's day, YYYY-MM-DD: meetings before it are held, the next one is on or after it. */
  today: string;
  seed: number;
  /** The well-known manager and employee of the demo (DEMO18); none for other organisations. */
  featured: { managerEmail: string; employeeEmail: string } | null;
  /** The seeded goal tree, for the check-ins some meetings make (DEMO35); none: no check-ins. */
  goals?: { doc: SeedDocument; cycleId: string; documentName: string } | null;
}

export interface SeededOneOnOnes {
  series: number;
  documents: number;
  logEntries: number;
  bytes: number;
}

/** Rows per append: one statement each (Postgres takes 65,535 parameters, one per update). */
const ROWS_PER_APPEND = 2_000;

/** Writes the organisation's 1:1s. Run inside the seed's transaction, after the people. */
export async function seedOneOnOnes(
  db: Queryable,
  input: SeedOneOnOnesInput,
): Promise<SeededOneOnOnes> {
  const plan = generateDemoOneOnOnes(input.organisation, {
    seed: input.seed,
    today: input.today,
    featured: input.featured,
  });
  const person = (key: string) => {
    const id = input.personIds.get(key);
    if (!id) throw new Error(`no person ${key} in the seeded organisation`);
    return id;
  };
  const seriesIds = plan.series.map(() => randomUUID());
  await db.query(
    `INSERT INTO one_on_one_series (id, organisation_id, manager_id, employee_id, cadence, weekday,
                                    time_of_day, starts_on, created_by, created_at)
     SELECT s.id, $1, s.manager_id, s.employee_id, s.cadence, s.weekday, s.time_of_day,
            s.starts_on, s.manager_id, s.starts_on - interval '5 days'
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::smallint[], $7::time[],
                   $8::date[])
         AS s (id, manager_id, employee_id, cadence, weekday, time_of_day, starts_on)`,
    [
      input.organisationId,
      seriesIds,
      plan.series.map((series) => person(series.managerKey)),
      plan.series.map((series) => person(series.employeeKey)),
      plan.series.map((series) => series.cadence),
      plan.series.map((series) => series.weekday),
      plan.series.map((series) => series.time),
      plan.series.map((series) => series.startsOn),
    ],
  );

  const seeded: SeededOneOnOnes = {
    series: plan.series.length,
    documents: 0,
    logEntries: 0,
    bytes: 0,
  };
  let pending: DocumentLogRow[] = [];
  const flush = async () => {
    // The organisation is this transaction's own until it commits: no lock per document needed.
    await appendToDocumentLog(db, pending, { unseenDocuments: true });
    pending = [];
  };
  const add = (documentName: string, entries: readonly DemoLogEntry[]) => {
    if (entries.length === 0) return;
    seeded.documents += 1;
    seeded.logEntries += entries.length;
    for (const entry of entries) {
      seeded.bytes += entry.update.length;
      pending.push({ organisationId: input.organisationId, documentName, ...entry });
    }
  };
  const goals = input.goals ?? null;
  const owners = goals ? goalsByOwner(goals.doc) : null;
  const goalEntries: DemoLogEntry[] = [];
  const checkInRows: (AgendaCheckIn & { seriesId: string; meetingDay: string })[] = [];
  for (const [i, series] of plan.series.entries()) {
    const seriesId = seriesIds[i]!;
    const logs = writeDemoSeriesLogs(series, { person });
    const agendaEntries = [...logs.agenda.entries];
    // DEMO35: the featured pair's and every fifth series' last held meeting checks goals in.
    const last = series.meetings.filter((m) => m.held).at(-1);
    if (goals && owners && last && (series.featured || i % 5 === 0)) {
      const employeeId = person(series.employeeKey);
      const checkIns = planMeetingCheckIns(owners.get(employeeId) ?? [], {
        seriesId,
        meetingId: last.day,
        at: last.at,
        employeeId,
        cycleId: goals.cycleId,
      });
      if (checkIns.length > 0) {
        const written = writeMeetingCheckIns(logs.agenda.doc, goals.doc, checkIns, {
          seriesId,
          employeeId,
          meetingDay: last.day,
        });
        const receivedAt = new Date(checkIns.at(-1)!.at);
        if (written.agenda) {
          agendaEntries.push({ personId: employeeId, receivedAt, update: written.agenda });
        }
        if (written.goals) {
          goalEntries.push({ personId: employeeId, receivedAt, update: written.goals });
        }
        for (const checkIn of checkIns) {
          checkInRows.push({ ...checkIn, seriesId, meetingDay: last.day });
        }
      }
    }
    add(formatDocumentName({ kind: 'one-on-one', seriesId }), agendaEntries);
    add(formatDocumentName({ kind: 'one-on-one-mood', seriesId }), logs.mood.entries);
    for (const notes of logs.privateNotes) {
      const name = formatDocumentName({
        kind: 'private-notes',
        seriesId,
        personId: notes.personId,
      });
      add(name, notes.entries);
      notes.doc.destroy();
    }
    logs.agenda.doc.destroy();
    logs.mood.doc.destroy();
    if (pending.length >= ROWS_PER_APPEND) await flush();
  }
  await flush();
  if (goals && goalEntries.length > 0) {
    // The check-ins reach the goal tree after its seeded history (each builds on the whole tree),
    // so they are logged after it, and received no earlier than its last entry: the log stays in
    // time order (GOAL22), as when a check-in made offline is applied once its device is back.
    // The check-in itself keeps the meeting's time.
    const { rows } = await db.query<{ last: Date | null }>(
      `SELECT max(received_at) AS last FROM document_updates
        WHERE organisation_id = $1 AND document_name = $2`,
      [input.organisationId, goals.documentName],
    );
    // In the order they were made (a later one may build on an earlier one's structs).
    let last = rows[0]?.last?.getTime() ?? 0;
    const ordered = goalEntries.map((entry) => {
      last = Math.max(entry.receivedAt.getTime(), last);
      return { ...entry, receivedAt: new Date(last) };
    });
    await appendToDocumentLog(
      db,
      ordered.map((entry) => ({
        organisationId: input.organisationId,
        documentName: goals.documentName,
        ...entry,
      })),
    );
    // As the sync server records check-ins it has applied (ONE20, ONE22).
    await db.query(
      `INSERT INTO one_on_one_check_ins
         (organisation_id, series_id, check_in_id, meeting_id, meeting_day, goal_id, cycle_id,
          value, by_person_id, at, outcome, applied_at)
       SELECT $1, r."seriesId", r."id", r."meetingId", r."meetingDay", r."goalId", r."cycleId",
              r."value", r."by", r."at", 'applied', r."at"
         FROM jsonb_to_recordset($2::jsonb) AS r("seriesId" uuid, "id" text, "meetingId" text,
                                                 "meetingDay" date, "goalId" uuid,
                                                 "cycleId" uuid, "value" double precision,
                                                 "by" uuid, "at" timestamptz)`,
      [input.organisationId, JSON.stringify(checkInRows)],
    );
  }
  return seeded;
}
