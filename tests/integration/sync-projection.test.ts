// The projection hook (SYNC24): after commits, debounced, a document kind's projector turns the
// document into rows the server upserts — first with a tiny projector of the test's own, then
// the goal-tree projector (GOAL19, GOAL20) into goal_analytics and goal_progress_events.
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addGoal, recordProgress, updateMetric } from '@threadline/domain/goals/edits';
import type { DocumentKind } from '@threadline/sync-server/documents/document-kind';
import { freeFormGoalTree } from '@threadline/sync-server/documents/free-form';
import type { DocumentProjector } from '@threadline/sync-server/projection/document-projector';
import { useSyncServer } from '../support/sync-server.ts';
import { eventually, goalTree, metricValue, openProvider } from './sync-support.ts';

/** Projects text `t` of each document into test_projection; counts its runs and writes. The
 *  next `failNext` writes of the document `failing` fail. */
const counts = { rows: 0, writes: 0, failNext: 0, failing: '' };
/** Per document, whether each run asked for every row (`all`) or only what changed. */
const allFlags = new Map<string, boolean[]>();
const textProjector: DocumentProjector<null> = {
  context: async () => null,
  follow: (doc: Y.Doc, key) => ({
    rows: (_context, all) => {
      allFlags.set(key.name, [...(allFlags.get(key.name) ?? []), all]);
      return [
        [{ table: 'test_projection', id: key.name, values: { text: doc.getText('t').toString() } }],
      ];
    },
    stop: () => {},
  }),
  async write(client, key, rows) {
    counts.writes += 1;
    if (counts.failNext > 0 && key.name === counts.failing) {
      counts.failNext -= 1;
      throw new Error('analytics database unreachable (simulated)');
    }
    for (const row of rows) {
      counts.rows += 1;
      await client.query(
        `INSERT INTO test_projection (organisation_id, document_name, text) VALUES ($1, $2, $3)
         ON CONFLICT (organisation_id, document_name) DO UPDATE SET text = EXCLUDED.text`,
        [key.organisationId, key.name, row.values.text],
      );
    }
  },
};
/** Free-form goal-tree names (any text) with a projector of their text. */
const textKind: DocumentKind<'goals', null> = { ...freeFormGoalTree, projector: textProjector };

const tiny = useSyncServer({
  kinds: { goals: textKind },
  config: {
    projection: {
      delayMs: 100,
      maxDelayMs: 400,
      allEveryMs: 3_600_000,
      retry: { initialMs: 50, maxMs: 50 },
    },
  },
});
/** The product's kinds over the same database: the goal-tree projector. */
const product = useSyncServer({}, tiny);

beforeAll(async () => {
  await tiny.db.pool.query(
    `CREATE TABLE test_projection (organisation_id uuid, document_name text, text text,
       PRIMARY KEY (organisation_id, document_name))`,
  );
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function projectedText(documentName: string) {
  const { rows } = await tiny.db.pool.query<{ text: string }>(
    `SELECT text FROM test_projection WHERE document_name = $1`,
    [documentName],
  );
  return rows[0]?.text;
}

describe('projection hook', () => {
  it('[SYNC24] projects a burst of commits once it settles, writing only rows that changed', async () => {
    const tree = await goalTree(tiny.db.pool);
    const client = openProvider(tiny.port, tree.documentName, tree.cookie);
    await client.synced();
    const before = { ...counts };
    const text = client.doc.getText('t');
    for (let i = 0; i < 30; i++) {
      text.insert(text.length, 'x');
      await sleep(2);
    }
    await eventually(async () => (await projectedText(tree.documentName)) === 'x'.repeat(30));
    await sleep(300);
    const runs = counts.writes - before.writes;
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThan(10);
    // A change that leaves the projected rows as they were writes nothing.
    const writes = counts.writes;
    client.doc.getMap('other').set('ignored', true);
    await eventually(() => client.isSaved());
    await sleep(300);
    expect(counts.writes).toBe(writes);
    // The first run projects every row; the later ones only what changed (GOAL27).
    const flags = allFlags.get(tree.documentName)!;
    expect(flags.length).toBeGreaterThanOrEqual(2);
    expect(flags[0]).toBe(true);
    expect(flags.slice(1)).not.toContain(true);
  });

  it('[SYNC24] projects within its longest delay while changes keep coming', async () => {
    const tree = await goalTree(tiny.db.pool);
    const client = openProvider(tiny.port, tree.documentName, tree.cookie);
    await client.synced();
    const started = performance.now();
    let projectedAt: number | undefined;
    const text = client.doc.getText('t');
    while (performance.now() - started < 1500) {
      text.insert(text.length, 'y');
      await sleep(50);
      if (projectedAt === undefined && (await projectedText(tree.documentName)) !== undefined) {
        projectedAt = performance.now() - started;
      }
    }
    expect(projectedAt).toBeDefined();
    expect(projectedAt!).toBeLessThan(1000);
  });

  it('[SYNC24] retries a failed projection until it is written', async () => {
    const tree = await goalTree(tiny.db.pool);
    const failuresBefore = await metricValue(tiny.port, 'sync_projections_total', {
      outcome: 'failed',
    });
    counts.failNext = 2;
    counts.failing = tree.documentName;
    const client = openProvider(tiny.port, tree.documentName, tree.cookie);
    await client.synced();
    client.doc.getText('t').insert(0, 'eventually');
    await eventually(async () => (await projectedText(tree.documentName)) === 'eventually');
    expect(
      await metricValue(tiny.port, 'sync_projections_total', { outcome: 'failed' }),
    ).toBeGreaterThanOrEqual(failuresBefore + 2);
    // A failed run took its changes without writing them: the runs after it project every row,
    // until one is written; the next change is projected on its own again.
    client.doc.getText('t').insert(0, 'and ');
    await eventually(async () => (await projectedText(tree.documentName)) === 'and eventually');
    const flags = allFlags.get(tree.documentName)!;
    expect(flags.slice(0, 3)).toEqual([true, true, true]);
    expect(flags.at(-1)).toBe(false);
  });

  it('[SYNC24] [GOAL19] [GOAL20] writes goal rows and progress events within 2 s of the commit', async () => {
    const tree = await goalTree(product.db.pool);
    const cycleId = tree.documentName.slice('goals/'.length);
    const client = openProvider(product.port, tree.documentName, tree.cookie);
    await client.synced();
    const by = { by: tree.personId };
    const goalId = addGoal(
      client.doc,
      {
        title: 'Cut onboarding to 3 days',
        level: 'person',
        ownerId: tree.personId,
        parentId: null,
      },
      by,
    );
    updateMetric(
      client.doc,
      goalId,
      { kind: 'number', start: 10, target: 3, direction: 'decreasing' },
      by,
    );
    recordProgress(client.doc, goalId, 6, by);
    await eventually(() => client.isSaved());
    const committedAt = performance.now();
    const row = async () =>
      (
        await product.db.pool.query<{ title: string; progress: number; metric_current: number }>(
          `SELECT title, progress, metric_current FROM goal_analytics
            WHERE organisation_id = $1 AND cycle_id = $2 AND goal_id = $3`,
          [tree.organisationId, cycleId, goalId],
        )
      ).rows[0];
    await eventually(async () => (await row())?.metric_current === 6, 2000);
    const elapsed = performance.now() - committedAt;
    console.info(`[SYNC24] goal row in goal_analytics ${elapsed.toFixed(0)} ms after the commit`);
    expect(await row()).toEqual({
      title: 'Cut onboarding to 3 days',
      progress: 4 / 7,
      metric_current: 6,
    });
    const { rows: events } = await product.db.pool.query(
      `SELECT goal_id, value, by_person_id FROM goal_progress_events
        WHERE organisation_id = $1 AND cycle_id = $2`,
      [tree.organisationId, cycleId],
    );
    expect(events).toEqual([{ goal_id: goalId, value: 6, by_person_id: tree.personId }]);
  });
});
