// Seeds the goal tree of a generated organisation's active cycle (GOAL21, GOAL22): the demo plan
// replayed into the document `goals/<cycleId>`, written to the document log exactly as the sync
// server's Postgres storage writes accepted updates (document_updates: organisation, document name,
// author or null for the system, received_at, the Yjs update), so the server loads it like any
// other document and the history panel replays it. No snapshot: loading a few hundred entries
// costs about what loading one snapshot of the same content does (the bytes dominate, not the
// count), and the server compacts on its own (SYNC9).
import type { GeneratedOrganisation } from '@threadline/domain/demo/generate';
import { generateDemoGoals } from '@threadline/domain/demo/goals';
import { writeDemoGoalLog, type DemoLogEntry } from '@threadline/domain/demo/goals-log';
import { formatDocumentName } from '@threadline/domain/documents/names';
import type { Queryable } from './connection.ts';

export interface SeedGoalsInput {
  organisationId: string;
  organisation: GeneratedOrganisation;
  /** Database ids by generated key (seed.ts draws them). */
  personIds: ReadonlyMap<string, string>;
  teamIds: ReadonlyMap<string, string>;
  /** The day the demo story ends, YYYY-MM-DD (the seed's today). */
  today: string;
  seed: number;
}

export interface SeededGoals {
  cycleId: string;
  documentName: string;
  goals: number;
  logEntries: number;
  bytes: number;
}

/** Writes the demo goal tree into the organisation's active cycle. Run inside the seed's transaction. */
export async function seedGoals(db: Queryable, input: SeedGoalsInput): Promise<SeededGoals> {
  const { rows: cycles } = await db.query<{ id: string }>(
    `SELECT id FROM cycles WHERE organisation_id = $1 AND status = 'active'`,
    [input.organisationId],
  );
  const cycleId = cycles[0]?.id;
  if (!cycleId) throw new Error('the organisation has no active cycle to seed goals into');
  const documentName = formatDocumentName({ kind: 'goals', cycleId });

  const plan = generateDemoGoals(input.organisation, { seed: input.seed, today: input.today });
  const known = (ids: ReadonlyMap<string, string>, kind: string) => (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`no ${kind} ${key} in the seeded organisation`);
    return id;
  };
  const { entries, doc } = writeDemoGoalLog(plan, {
    person: known(input.personIds, 'person'),
    team: known(input.teamIds, 'team'),
  });

  for (let from = 0; from < entries.length; from += ROWS_PER_INSERT) {
    const chunk = entries.slice(from, from + ROWS_PER_INSERT);
    await insertEntries(db, input.organisationId, documentName, chunk);
  }
  doc.destroy();
  return {
    cycleId,
    documentName,
    goals: plan.goals.length,
    logEntries: entries.length,
    bytes: entries.reduce((sum, entry) => sum + entry.update.length, 0),
  };
}

/** Rows per INSERT: four parameters each, well below Postgres's 65,535. */
const ROWS_PER_INSERT = 2_000;

/**
 * One multi-row INSERT, each update its own parameter: node-postgres sends a Buffer parameter as
 * binary, where an array of them (unnest) would travel as hex text at twice the size.
 */
async function insertEntries(
  db: Queryable,
  organisationId: string,
  documentName: string,
  entries: readonly DemoLogEntry[],
) {
  const values: unknown[] = [organisationId, documentName];
  const tuples = entries.map((entry) => {
    values.push(entry.personId, entry.receivedAt, Buffer.from(entry.update));
    const n = values.length;
    return `($1, $2, $${n - 2}::uuid, $${n - 1}::timestamptz, $${n}::bytea)`;
  });
  // Identity values are drawn in VALUES order, so seq follows the entries' time order.
  await db.query(
    `INSERT INTO document_updates (organisation_id, document_name, person_id, received_at, update)
     VALUES ${tuples.join(', ')}`,
    values,
  );
}
