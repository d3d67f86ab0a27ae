// Seeds the goal tree of a generated organisation's active cycle (GOAL21, GOAL22): the demo plan
// replayed into the document `goals/<cycleId>`, appended to the document log by the same writer
// as the sync server's accepted updates (document-log.ts: organisation, document name, author or
// null for the system, received_at, the Yjs update), so the server loads it like any other
// document and the history panel replays it. No snapshot: loading a few hundred entries costs about what loading one snapshot of the same content does (the bytes dominate, not the
// count), and the server compacts on its own (SYNC9).
import { goalAchievementByOwner } from '@threadline/domain/calibration/achievement';
import type { SeedDocument } from '@threadline/domain/demo/one-on-one-check-ins';
import type { GeneratedOrganisation } from '@threadline/domain/demo/generate';
import { generateDemoGoals } from '@threadline/domain/demo/goals';
import { writeDemoGoalLog } from '@threadline/domain/demo/goals-log';
import { formatDocumentName } from '@threadline/domain/documents/names';
import type { Queryable } from './connection.ts';
import { appendToDocumentLog } from './document-log.ts';

export interface SeedGoalsInput {
  organisationId: string;
  organisation: GeneratedOrganisation;
  /** Database ids by generated key (seed.ts draws them). */
  personIds: ReadonlyMap<string, string>;
  teamIds: ReadonlyMap<string, string>;
  /** The day the demo story ends, YYYY-MM-DD (the seed's today). */
  today: string;
  seed: number;
  keepDocument?: boolean;
}

export interface SeededGoals {
  /** The seeded document, kept for what is seeded after it (1:1 check-ins, DEMO35) when asked
   *  for with `keepDocument`; the caller destroys it. */
  doc: SeedDocument | null;
  cycleId: string;
  documentName: string;
  goals: number;
  logEntries: number;
  bytes: number;
  /** Each owner's goal achievement (person id → 0–1) as the player card will read it (CAL42),
   *  for the demo's calibration session (DEMO25). */
  achievement: Map<string, number>;
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

  // Entries go in time order, so seq follows it as it does for live edits.
  for (let from = 0; from < entries.length; from += ROWS_PER_APPEND) {
    const chunk = entries.slice(from, from + ROWS_PER_APPEND);
    await appendToDocumentLog(
      db,
      chunk.map((entry) => ({ organisationId: input.organisationId, documentName, ...entry })),
    );
  }
  const achievement = goalAchievementByOwner(doc);
  if (!input.keepDocument) doc.destroy();
  return {
    achievement,
    doc: input.keepDocument ? doc : null,
    cycleId,
    documentName,
    goals: plan.goals.length,
    logEntries: entries.length,
    bytes: entries.reduce((sum, entry) => sum + entry.update.length, 0),
  };
}

/** Rows per append: one statement each, so a big tree's log is not one parameter of 20+ MB. */
const ROWS_PER_APPEND = 2_000;
