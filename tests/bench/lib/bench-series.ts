// Real 1:1 series for the "1:1 agendas" workload: a generated organisation's people (with their
// reporting lines) in the benchmark's organisation, a series row for each of `count` reporting
// lines, a signed-in session for each member, and each series' agenda history as the demo seeds
// it (DEMO16–DEMO17: 8–12 held meetings of talking points, notes and action items), one update per
// meeting per member in that member's name, so the workload can send each through its author's
// own connection and every server starts from the same document.
import * as Y from 'yjs';
import { randomUUID } from 'node:crypto';
import {
  generateSessionToken,
  hashToken,
  SESSION_COOKIE_NAME,
  SESSION_LIFETIME_MS,
  type Pool,
} from '@threadline/db';
import { generateOrganisation, MIN_PEOPLE } from '@threadline/domain/demo/generate';
import { generateDemoOneOnOnes } from '@threadline/domain/demo/one-on-ones';
import { writeDemoSeriesLogs } from '@threadline/domain/demo/one-on-ones-log';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { ensureNextMeeting } from '@threadline/domain/one-on-ones/edits';

export interface BenchMember {
  id: string;
  token: string;
  cookie: string;
}

export interface BenchSeries {
  seriesId: string;
  /** `one-on-one/<seriesId>`. */
  document: string;
  manager: BenchMember;
  employee: BenchMember;
  /** Today's meeting: the next one the cadence schedules (ONE8), which the history creates. */
  meetingId: string;
  /** The agenda's history, oldest first, each update in its author's name. */
  history: { personId: string; update: Uint8Array }[];
}

export async function createBenchSeries(
  pool: Pool,
  organisationId: string,
  count: number,
  batch: number,
): Promise<BenchSeries[]> {
  const today = new Date().toISOString().slice(0, 10);
  const seed = 1_000 + batch;
  const organisation = generateOrganisation({
    people: Math.max(MIN_PEOPLE, count + 1),
    seed,
    domain: `b${batch}.bench.example`,
    today,
  });
  const plan = generateDemoOneOnOnes(organisation, { seed, today });
  if (plan.series.length < count) throw new Error(`only ${plan.series.length} reporting lines`);
  const chosen = plan.series.slice(0, count);
  const ids = new Map(organisation.people.map((person) => [person.key, randomUUID()]));
  const person = (key: string) => ids.get(key)!;

  await pool.query(
    `INSERT INTO people (id, organisation_id, email, name, role, status, password_hash)
     SELECT p.id, $1, p.email, p.name, 'member', 'active', 'x'
       FROM unnest($2::uuid[], $3::text[], $4::text[]) AS p (id, email, name)`,
    [
      organisationId,
      organisation.people.map((p) => person(p.key)),
      organisation.people.map((p) => p.email),
      organisation.people.map((p) => p.name),
    ],
  );
  const reports = organisation.people.filter((p) => p.managerKey !== null);
  await pool.query(
    `UPDATE people SET manager_id = r.manager_id
       FROM unnest($2::uuid[], $3::uuid[]) AS r (id, manager_id)
      WHERE people.organisation_id = $1 AND people.id = r.id`,
    [organisationId, reports.map((p) => person(p.key)), reports.map((p) => person(p.managerKey!))],
  );
  const seriesIds = chosen.map(() => randomUUID());
  await pool.query(
    `INSERT INTO one_on_one_series (id, organisation_id, manager_id, employee_id, cadence, weekday,
                                    time_of_day, starts_on, created_by)
     SELECT s.id, $1, s.manager_id, s.employee_id, s.cadence, s.weekday, s.time_of_day,
            s.starts_on, s.manager_id
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::smallint[], $7::time[],
                   $8::date[])
         AS s (id, manager_id, employee_id, cadence, weekday, time_of_day, starts_on)`,
    [
      organisationId,
      seriesIds,
      chosen.map((s) => person(s.managerKey)),
      chosen.map((s) => person(s.employeeKey)),
      chosen.map((s) => s.cadence),
      chosen.map((s) => s.weekday),
      chosen.map((s) => s.time),
      chosen.map((s) => s.startsOn),
    ],
  );

  // One session per member (a manager of several reports signs in once).
  const members = new Map<string, BenchMember>();
  for (const key of chosen.flatMap((s) => [s.managerKey, s.employeeKey])) {
    const id = person(key);
    if (members.has(id)) continue;
    const token = generateSessionToken();
    members.set(id, { id, token, cookie: `${SESSION_COOKIE_NAME}=${token}` });
  }
  await pool.query(
    `INSERT INTO sessions (id, organisation_id, person_id, expires_at)
     SELECT s.id, $1, s.person_id, $4 FROM unnest($2::text[], $3::uuid[]) AS s (id, person_id)`,
    [
      organisationId,
      [...members.values()].map((m) => hashToken(m.token)),
      [...members.keys()],
      new Date(Date.now() + SESSION_LIFETIME_MS),
    ],
  );

  return chosen.map((series, i) => {
    const logs = writeDemoSeriesLogs(series, { person });
    const manager = members.get(person(series.managerKey))!;
    const history = logs.agenda.entries.map((entry) => ({
      personId: entry.personId!,
      update: entry.update,
    }));
    // Today's meeting, as opening the page makes sure of it (when the history has not already).
    const doc = logs.agenda.doc;
    let created = null as Uint8Array | null;
    doc.on('update', (update: Uint8Array) => (created = update));
    const meetingId = ensureNextMeeting(
      doc,
      { startsOn: series.startsOn, cadence: series.cadence },
      today,
      { by: manager.id },
    );
    if (created) history.push({ personId: manager.id, update: created });
    for (const log of [logs.agenda, logs.mood, ...logs.privateNotes]) log.doc.destroy();
    return {
      seriesId: seriesIds[i]!,
      document: formatDocumentName({ kind: 'one-on-one', seriesId: seriesIds[i]! }),
      manager,
      employee: members.get(person(series.employeeKey))!,
      meetingId,
      history,
    };
  });
}

/** The replica a member's client starts from is the server's; this is for tests of the shape. */
export function replayHistory(series: BenchSeries): Y.Doc {
  const doc = new Y.Doc();
  for (const entry of series.history) Y.applyUpdate(doc, entry.update);
  return doc;
}
