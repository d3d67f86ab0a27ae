// Several nodes behind a load balancer (SYNC25, SYNC26): updates and presence fan out through
// Redis; what a node relays from another is never saved again; Postgres stays the source of
// truth, so a node that missed a message, or restarted, catches up from the log.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGoal, goalText } from '@threadline/domain/goals/edits';
import { readGoals } from '@threadline/domain/goals/document';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import type { RunningSyncServer } from '@threadline/sync-server/server';
import { startTestSyncServer } from '../support/sync-server.ts';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { eventually, goalEditor, goalTree, openProvider, signIn } from './sync-support.ts';

const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `test:${randomUUID()}:`;
let db: TestDatabase;
const running = new Set<RunningSyncServer>();

function startNode() {
  return startTestSyncServer(db, {
    redisUrl,
    redisChannelPrefix: prefix,
    config: { catchUpIntervalMs: 200, logSettleMs: 1000 },
  }).then((node) => (running.add(node), node));
}

async function stopNode(node: RunningSyncServer) {
  running.delete(node);
  await node.close();
}

let one: RunningSyncServer;
let two: RunningSyncServer;
beforeAll(async () => {
  db = await useTestDatabase();
  [one, two] = await Promise.all([startNode(), startNode()]);
});
afterAll(() => Promise.all([...running].map((node) => node.close())));

const figures: string[] = [];
afterAll(() => figures.forEach((line) => console.info(line)));

function addMyGoal(doc: Y.Doc, personId: string, title: string) {
  return addGoal(
    doc,
    { title, level: 'person', ownerId: personId, parentId: null },
    { by: personId },
  );
}

const titleOf = (doc: Y.Doc, goalId: string) => readGoals(doc).get(goalId)?.title;

describe('scale-out', () => {
  it('[SYNC25] lets clients on two nodes converge, and each node acknowledges the other’s edits', async () => {
    const tree = await goalTree(db.pool);
    const colleague = await signIn(db.pool, tree.organisationId);
    const a = openProvider(one.port, tree.documentName, tree.cookie);
    const b = openProvider(two.port, tree.documentName, colleague.cookie);
    await Promise.all([a.synced(), b.synced()]);

    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      let goalId = '';
      const arrived = new Promise<void>((resolve) => {
        const seen = () => {
          if (!readGoals(b.doc).has(goalId)) return;
          b.doc.off('update', seen);
          resolve();
        };
        b.doc.on('update', seen);
      });
      goalId = addMyGoal(a.doc, tree.personId, `Goal ${i}`);
      await arrived;
      latencies.push(performance.now() - started);
    }
    latencies.sort((x, y) => x - y);
    figures.push(
      `[SYNC25] two-node convergence (node 1 edit → node 2 client), 20 edits: ` +
        `p50 ${latencies[10]!.toFixed(1)} ms, max ${latencies[19]!.toFixed(1)} ms`,
    );

    const theirs = addMyGoal(b.doc, colleague.personId, 'From node two');
    await eventually(() => titleOf(a.doc, theirs) === 'From node two');
    goalText(b.doc, theirs, 'title')!.insert(0, 'Edited: ');
    await eventually(() => titleOf(a.doc, theirs) === 'Edited: From node two');
    // "Saved" on both sides: each client's own edits are acknowledged by its node, whose durable
    // state includes what the other node committed; received edits are their sender's (SC1).
    await eventually(() => a.isSaved() && b.isSaved());

    // Relayed changes are not saved again: the log holds each client's updates once.
    const changes = await new PostgresDocumentStorage(db.pool).changesOf({
      organisationId: tree.organisationId,
      name: tree.documentName,
    });
    const byPerson = (id: string) => changes.filter((change) => change.personId === id).length;
    expect(byPerson(tree.personId)).toBe(20);
    expect(byPerson(colleague.personId)).toBe(2);
    expect(changes).toHaveLength(22);
  });

  it('[SYNC25] relays presence between nodes, and removes it when the client leaves', async () => {
    const tree = await goalTree(db.pool);
    const a = openProvider(one.port, tree.documentName, tree.cookie);
    const b = openProvider(two.port, tree.documentName, tree.cookie);
    await Promise.all([a.synced(), b.synced()]);
    a.provider.awareness.setLocalState({ user: { name: 'A' }, editing: 'goal-1' });
    await eventually(() => b.provider.awareness.getStates().has(a.doc.clientID));
    expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({
      user: { id: tree.personId },
      editing: 'goal-1',
    });
    a.destroy();
    await eventually(() => !b.provider.awareness.getStates().has(a.doc.clientID));
  });

  it('[SYNC26] catches up from the log a commit whose message it never received', async () => {
    const tree = await goalTree(db.pool);
    const b = openProvider(two.port, tree.documentName, tree.cookie);
    await b.synced();
    // Another node committed this but its Redis message was lost: only the log has it.
    const mine = goalEditor(tree.personId);
    await new PostgresDocumentStorage(db.pool).append(
      { organisationId: tree.organisationId, name: tree.documentName },
      mine.take().map((update) => ({ personId: tree.personId, receivedAt: new Date(), update })),
    );
    await eventually(() => readGoals(b.doc).has(mine.goalId), 5000);
    await eventually(() => b.isSaved());
  });

  it('[SYNC26] a restarted node serves everything committed while it was down, and fans out again', async () => {
    const tree = await goalTree(db.pool);
    const colleague = await signIn(db.pool, tree.organisationId);
    const a = openProvider(one.port, tree.documentName, tree.cookie);
    await a.synced();
    await stopNode(two);
    const whileDown = addMyGoal(a.doc, tree.personId, 'Written while node two was down');
    await eventually(() => a.isSaved());

    two = await startNode();
    const b = openProvider(two.port, tree.documentName, colleague.cookie);
    await b.synced();
    expect(titleOf(b.doc, whileDown)).toBe('Written while node two was down');
    const after = addMyGoal(b.doc, colleague.personId, 'After the restart');
    await eventually(() => titleOf(a.doc, after) === 'After the restart');
  });
});
