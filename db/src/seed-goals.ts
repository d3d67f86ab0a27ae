// Seeds the goal tree of a generated organisation's active cycle (GOAL21, GOAL22): the demo plan
// replayed into the document `goals/<cycleId>`, written to the document log exactly as the sync
// server's Postgres storage writes accepted updates (document_updates: organisation, document name,
// author or null for the system, received_at, the Yjs update), so the server loads it like any
// other document and the history panel replays it. A snapshot up to the last entry is stored as
// compaction would (SYNC9), so the first load applies one update instead of thousands.
import type { GeneratedOrganisation } from '@threadline/domain/demo/generate';
import { generateDemoGoals } from '@threadline/domain/demo/goals';
import { demoGoalSnapshot, writeDemoGoalLog } from '@threadline/domain/demo/goals-log';
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

  const { rows } = await db.query<{ seq: string; received_at: Date }>(
    `INSERT INTO document_updates (organisation_id, document_name, person_id, received_at, update)
     SELECT $1, $2, e.p, e.r, e.u
       FROM unnest($3::uuid[], $4::timestamptz[], $5::bytea[]) WITH ORDINALITY AS e (p, r, u, i)
      ORDER BY e.i
     RETURNING seq, received_at`,
    [
      input.organisationId,
      documentName,
      entries.map((entry) => entry.personId),
      entries.map((entry) => entry.receivedAt),
      entries.map((entry) => Buffer.from(entry.update)),
    ],
  );
  const last = rows.reduce((a, b) => (Number(a.seq) > Number(b.seq) ? a : b));
  const state = demoGoalSnapshot(doc);
  await db.query(
    `INSERT INTO document_snapshots
       (organisation_id, document_name, upto_seq, upto_received_at, state)
     VALUES ($1, $2, $3, $4, $5)`,
    [input.organisationId, documentName, last.seq, last.received_at, Buffer.from(state)],
  );
  doc.destroy();
  return {
    cycleId,
    documentName,
    goals: plan.goals.length,
    logEntries: entries.length,
    bytes: state.length,
  };
}
