// Seeds the demo organisation's calibration sessions (DEMO21–DEMO24): the sessions' rows (with
// participants, population and traced state changes), each manager's proposals document and the
// board in the document log — written by the same writer as the sync server's accepted updates,
// each entry in its author's name — the proposals' projection (which starting and the missing
// list read) and, for the finalized session, its published ratings.
import { randomUUID } from 'node:crypto';
import {
  DEMO_CALIBRATION_CONFIG,
  generateDemoCalibration,
  writeDemoCalibrationLogs,
  type DemoCalibrationOptions,
  type DemoCalibrationSession,
} from '@threadline/domain/demo/calibration';
import type { GeneratedOrganisation } from '@threadline/domain/demo/generate';
import { boardCards } from '@threadline/domain/calibration/board';
import { defaultMatrix } from '@threadline/domain/calibration/merit/matrix';
import { meritSummary } from '@threadline/domain/calibration/merit/recommend';
import { replicaFromUpdates } from '@threadline/domain/calibration/replay';
import { demoBudgetPercent, demoPay } from '@threadline/domain/demo/pay';
import { formatDocumentName } from '@threadline/domain/documents/names';
import type { Queryable } from './connection.ts';
import { appendToDocumentLog, type DocumentLogRow } from './document-log.ts';

export interface SeedCalibrationInput extends DemoCalibrationOptions {
  organisationId: string;
  organisation: GeneratedOrganisation;
  personIds: ReadonlyMap<string, string>;
  teamIds: ReadonlyMap<string, string>;
}

/** Writes both sessions. Run inside the seed's transaction, after the people and cycles. */
export async function seedCalibration(
  db: Queryable,
  input: SeedCalibrationInput,
): Promise<{ sessions: number; cards: number }> {
  const person = (key: string) => {
    const id = input.personIds.get(key);
    if (!id) throw new Error(`no person ${key} in the seeded organisation`);
    return id;
  };
  const sessions = generateDemoCalibration(input.organisation, input);
  let cards = 0;
  for (const session of sessions) {
    await writeSession(db, input, session, person);
    cards += session.populationKeys.length;
  }
  return { sessions: sessions.length, cards };
}

/** DEMO51: the share of each department's cards moved on the previous and the active board. */
const MOVED_SHARE = { previous: 0.1, active: 0.05 };

/**
 * DEMO51: every department but People & Operations (whose head, the admin, facilitates them all)
 * calibrated as the demo's Engineering is (DEMO21–DEMO24): the previous cycle's session
 * finalized with its ratings published, the active cycle's in session, each led by the
 * department's head and the CEO, with a tenth and a twentieth of the cards moved.
 */
export async function seedEveryDepartmentsCalibration(
  db: Queryable,
  input: Omit<SeedCalibrationInput, 'leaderEmails' | 'facilitatorEmail' | 'moves'>,
): Promise<{ sessions: number; cards: number }> {
  const people = input.organisation.people;
  const ceo = people.find((person) => person.managerKey === null)!;
  const admin = people.find((person) => person.role === 'admin')!;
  const departments = new Set(
    input.organisation.teams.filter((team) => team.kind === 'department').map((team) => team.key),
  );
  const heads = people.filter(
    (person) =>
      person.managerKey === ceo.key &&
      person.teamKey !== null &&
      departments.has(person.teamKey) &&
      person.key !== admin.key,
  );
  let sessions = 0;
  let cards = 0;
  for (const [i, head] of heads.entries()) {
    const population = countUnder(people, head.key);
    const seeded = await seedCalibration(db, {
      ...input,
      seed: input.seed * 31 + i,
      leaderEmails: [head.email, ceo.email],
      facilitatorEmail: admin.email,
      moves: {
        previous: Math.max(6, Math.round(population * MOVED_SHARE.previous)),
        active: Math.max(4, Math.round(population * MOVED_SHARE.active)),
      },
    });
    sessions += seeded.sessions;
    cards += seeded.cards;
  }
  return { sessions, cards };
}

/** How many people report to `headKey`, directly or not (managers come before their reports). */
function countUnder(people: GeneratedOrganisation['people'], headKey: string): number {
  const under = new Set([headKey]);
  for (const person of people) {
    if (person.managerKey !== null && under.has(person.managerKey)) under.add(person.key);
  }
  return under.size - 1;
}

async function writeSession(
  db: Queryable,
  input: SeedCalibrationInput,
  session: DemoCalibrationSession,
  person: (key: string) => string,
) {
  const organisationId = input.organisationId;
  const sessionId = randomUUID();
  const config = DEMO_CALIBRATION_CONFIG;
  await db.query(
    `INSERT INTO calibration_sessions (id, organisation_id, cycle_id, name, status, scale,
                                       performance_bands, guideline, population_team_id,
                                       created_by, created_at, updated_at)
     SELECT $1, $2, c.id, $4, $5, $6, $7, $8, $9, $10, $11, $12
       FROM cycles c WHERE c.organisation_id = $2 AND c.name = $3`,
    [
      sessionId,
      organisationId,
      session.cycleName,
      session.name,
      session.status,
      JSON.stringify(config.scale),
      JSON.stringify(config.bands),
      JSON.stringify(config.guideline),
      input.teamIds.get(session.departmentKey) ?? null,
      person(session.facilitatorKey),
      session.statusChanges[0]!.at,
      session.statusChanges.at(-1)!.at,
    ],
  );
  const participants = [
    ...session.leaderKeys.map((key) => [person(key), 'leader'] as const),
    [person(session.facilitatorKey), 'facilitator'] as const,
  ];
  await db.query(
    `INSERT INTO calibration_participants (organisation_id, session_id, person_id, role)
     SELECT $1, $2, unnest($3::uuid[]), unnest($4::text[])`,
    [organisationId, sessionId, participants.map((p) => p[0]), participants.map((p) => p[1])],
  );
  await db.query(
    `INSERT INTO calibration_population (organisation_id, session_id, person_id)
     SELECT $1, $2, unnest($3::uuid[])`,
    [organisationId, sessionId, session.populationKeys.map(person)],
  );
  await db.query(
    `INSERT INTO calibration_status_changes (organisation_id, session_id, from_status, to_status,
                                             changed_by, changed_at)
     SELECT $1, $2, unnest($3::text[]), unnest($4::text[]), unnest($5::uuid[]),
            unnest($6::timestamptz[])`,
    [
      organisationId,
      sessionId,
      session.statusChanges.map((c) => c.from),
      session.statusChanges.map((c) => c.to),
      session.statusChanges.map((c) => person(c.byKey)),
      session.statusChanges.map((c) => c.at),
    ],
  );

  const logs = writeDemoCalibrationLogs(session, person);
  const rows: DocumentLogRow[] = [];
  for (const { managerId, entries } of logs.proposals) {
    const documentName = formatDocumentName({
      kind: 'calibration-proposals',
      sessionId,
      managerId,
    });
    for (const entry of entries) rows.push({ organisationId, documentName, ...entry });
  }
  const board = formatDocumentName({ kind: 'calibration', sessionId });
  for (const entry of logs.board) rows.push({ organisationId, documentName: board, ...entry });
  // The organisation is this transaction's own until it commits: no lock per document needed.
  await appendToDocumentLog(db, rows, { unseenDocuments: true });

  const proposals = logs.proposals.flatMap(({ managerId, rows: projected }) =>
    projected.map((row) => ({ ...row, managerId })),
  );
  await db.query(
    `INSERT INTO calibration_proposals (organisation_id, session_id, person_id, manager_id, rating,
                                        potential, rationale, updated_at)
     SELECT $1, $2, r."personId", r."managerId", r."rating", r."potential", r."rationale", $4
       FROM jsonb_to_recordset($3::jsonb) AS r("personId" uuid, "managerId" uuid,
                                               "rating" smallint, "potential" text,
                                               "rationale" text)`,
    [organisationId, sessionId, JSON.stringify(proposals), session.startedAt],
  );
  await seedPaySettings(db, input, session, sessionId, logs.board, person);
  if (logs.published.length > 0) {
    await db.query(
      `INSERT INTO published_ratings (organisation_id, cycle_id, person_id, session_id, rating,
                                      rating_label, performance, potential, box, published_at)
       SELECT $1, s.cycle_id, r."personId", $2, r."rating", r."ratingLabel", r."performance",
              r."potential", r."box", $4
         FROM calibration_sessions s,
              jsonb_to_recordset($3::jsonb) AS r("personId" uuid, "rating" smallint,
                "ratingLabel" text, "performance" text, "potential" text, "box" smallint)
        WHERE s.id = $2`,
      [organisationId, sessionId, JSON.stringify(logs.published), session.statusChanges.at(-1)!.at],
    );
  }
}

/**
 * DEMO31, DEMO32: the department's head sees pay; the in-session board's budget is set close to
 * what its cards recommend now (the default matrix, everyone's demo pay).
 */
async function seedPaySettings(
  db: Queryable,
  input: SeedCalibrationInput,
  session: DemoCalibrationSession,
  sessionId: string,
  board: readonly { update: Uint8Array }[],
  person: (key: string) => string,
) {
  await db.query(
    `UPDATE calibration_participants SET sees_pay = true
      WHERE organisation_id = $1 AND session_id = $2 AND person_id = $3`,
    [input.organisationId, sessionId, person(session.leaderKeys[0]!)],
  );
  if (session.status !== 'in_session') return;
  const config = DEMO_CALIBRATION_CONFIG;
  const cards = boardCards(replicaFromUpdates(board.map((entry) => entry.update)), config);
  const byKey = new Map(input.organisation.people.map((p) => [p.key, p]));
  const summary = meritSummary(
    session.populationKeys.map((key) => ({
      personId: person(key),
      rating: cards.get(person(key))?.current?.rating ?? null,
      pay: demoPay(byKey.get(key)!),
    })),
    defaultMatrix(config.scale),
    3,
  );
  const pool = summary.pools[0];
  if (!pool) return;
  await db.query(
    `UPDATE calibration_sessions SET merit_budget_percent = $3 WHERE organisation_id = $1 AND id = $2`,
    [input.organisationId, sessionId, demoBudgetPercent(pool)],
  );
}
