import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readTree } from '@threadline/domain/goals/document';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { seedDemoOrganisation, seedOrganisation } from './seed.ts';

const TODAY = '2026-11-22';

let db: TestDatabase;
let demo: { organisationId: string; people: number };
beforeAll(async () => {
  db = await useTestDatabase();
  demo = await seedDemoOrganisation(db.pool, { today: TODAY });
});

async function goalDocument(organisationId: string) {
  const { rows: cycles } = await db.pool.query<{ id: string; status: string }>(
    `SELECT id, status FROM cycles WHERE organisation_id = $1`,
    [organisationId],
  );
  const active = cycles.find((cycle) => cycle.status === 'active')!;
  const name = `goals/${active.id}`;
  const { rows: updates } = await db.pool.query<{
    seq: string;
    document_name: string;
    person_id: string | null;
    received_at: Date;
    update: Buffer;
  }>(
    `SELECT seq, document_name, person_id, received_at, update FROM document_updates
      WHERE organisation_id = $1 AND document_name LIKE 'goals/%' ORDER BY seq`,
    [organisationId],
  );
  return { name, updates };
}

function replay(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('seeded goal trees', () => {
  it('[GOAL22] logs the active cycle’s goal tree as updates in time order', async () => {
    const { name, updates } = await goalDocument(demo.organisationId);
    expect(updates.length).toBeGreaterThan(12);
    // Only the active cycle has a tree; nothing is logged for the closed one.
    expect(new Set(updates.map((row) => row.document_name))).toEqual(new Set([name]));
    const times = updates.map((row) => row.received_at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)!).toBeLessThan(Date.parse(`${TODAY}T00:00:00Z`));
    // Each entry builds on the ones before it: replaying a prefix of the log never leaves structs
    // waiting for missing ones.
    const doc = new Y.Doc();
    for (const row of updates) {
      Y.applyUpdate(doc, row.update);
      expect(Y.encodeStateAsUpdate(doc).length).toBeGreaterThan(0);
    }
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
  });

  it('[GOAL21] the tree holds about four goals per person, owned by people and teams of the organisation', async () => {
    const { updates } = await goalDocument(demo.organisationId);
    const { goals, tree } = readTree(replay(updates.map((row) => row.update)));
    expect(goals.size).toBeGreaterThan(demo.people * 3.5);
    expect(goals.size).toBeLessThan(demo.people * 5);
    // Every goal is live and in the tree exactly once.
    expect(tree.parent.size).toBe(goals.size);

    const { rows: people } = await db.pool.query<{ id: string }>(
      'SELECT id FROM people WHERE organisation_id = $1',
      [demo.organisationId],
    );
    const { rows: teams } = await db.pool.query<{ id: string }>(
      'SELECT id FROM teams WHERE organisation_id = $1',
      [demo.organisationId],
    );
    const personIds = new Set(people.map((row) => row.id));
    const teamIds = new Set(teams.map((row) => row.id));
    for (const goal of goals.values()) {
      expect(personIds.has(goal.ownerId!)).toBe(true);
      expect(personIds.has(goal.createdBy)).toBe(true);
      if (goal.teamId !== null) expect(teamIds.has(goal.teamId)).toBe(true);
      for (const checkIn of goal.checkIns) expect(personIds.has(checkIn.by)).toBe(true);
    }
    // Changes made on purpose are in their author's name, everything else the system's.
    const authors = updates.filter((row) => row.person_id !== null);
    expect(authors.length).toBeGreaterThan(0);
    for (const row of authors) expect(personIds.has(row.person_id!)).toBe(true);
  });

  // How long a seed takes is the benchmarks' business (BENCHMARKS.md), not a test's.
  it('[GOAL22] seedOrganisation seeds a tree for generated organisations too', async () => {
    const result = await seedOrganisation(db.pool, { people: 300, today: TODAY, name: 'Goal Co' });
    const { updates } = await goalDocument(result.organisationId);
    const { goals } = readTree(replay(updates.map((row) => row.update)));
    expect(goals.size).toBeGreaterThan(300 * 3.5);
    expect(updates.length).toBeGreaterThan(0);
  }, 120_000);
});
