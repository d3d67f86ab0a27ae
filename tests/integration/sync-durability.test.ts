// kill -9 during a write storm: every update the server acknowledged is in the document after a
// restart (SYNC7). The server runs as a real child process (`node sync-server/src/main.ts`).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findFreePort } from '@threadline/db/free-port';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { eventually, goalEditor, goalTree, openRaw } from './sync-support.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let db: TestDatabase;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  db = await useTestDatabase();
});
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

async function startChild(port: number) {
  const child = spawn(process.execPath, ['sync-server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      SYNC_PORT: String(port),
      LOG_LEVEL: 'warn',
      // A storm, not a flood: the rate limit (SYNC12) is not what this test is about.
      SYNC_MESSAGES_PER_SECOND: '100000',
      SYNC_MESSAGE_BURST: '100000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  await eventually(async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
    } catch {
      return false;
    }
  }, 15_000);
  return child;
}

describe('durability', () => {
  it('[SYNC7] loses no acknowledged update when the server is killed with SIGKILL mid-storm', async () => {
    const tree = await goalTree(db.pool);
    const port = await findFreePort();
    const server = await startChild(port);

    const writers = await Promise.all(
      Array.from({ length: 8 }, async () => ({
        client: await openRaw(port, tree.documentName, tree.cookie),
        // Real goal-tree edits: the child process validates every update (SYNC17).
        mine: goalEditor(tree.personId),
        /** This writer's clock once its goal exists: the storm's edits come after it. */
        created: 0,
        /** The highest clock of this writer's own updates the server acknowledged. */
        acked: 0,
      })),
    );
    for (const writer of writers) {
      writer.created = writer.mine.stateVector().get(writer.mine.doc.clientID)!;
    }
    let storming = true;
    const storms = writers.map(async (writer) => {
      for (let n = 0; storming && writer.client.closeCode === undefined; n++) {
        writer.mine.doc.transact(() => writer.mine.retitle(`Goal ${n}`));
        for (const update of writer.mine.take()) writer.client.sendUpdate(update);
        writer.acked = writer.client.lastAck().get(writer.mine.doc.clientID) ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    });
    await eventually(() => writers.every((writer) => writer.acked > writer.created + 100), 15_000);
    server.kill('SIGKILL');
    await Promise.all(writers.map((writer) => writer.client.closed));
    storming = false;
    await Promise.all(storms);
    for (const writer of writers) {
      writer.acked = writer.client.lastAck().get(writer.mine.doc.clientID) ?? 0;
    }

    const restarted = await startChild(port);
    // Before any client re-syncs, the log alone holds every acknowledged update.
    const storage = new PostgresDocumentStorage(db.pool);
    const durable = new Y.Doc();
    const loaded = await storage.load({
      organisationId: tree.organisationId,
      name: tree.documentName,
    });
    for (const update of loaded.updates) {
      Y.applyUpdate(durable, update);
    }
    const durableVector = Y.decodeStateVector(Y.encodeStateVector(durable));
    for (const writer of writers) {
      expect(durableVector.get(writer.mine.doc.clientID) ?? 0).toBeGreaterThanOrEqual(writer.acked);
    }

    // Re-syncing brings the unacknowledged rest, and every writer ends acknowledged.
    const rejoined = await Promise.all(
      writers.map(async (writer) => {
        const client = await openRaw(port, tree.documentName, tree.cookie);
        client.sendUpdate(Y.encodeStateAsUpdate(writer.mine.doc));
        return { client, writer };
      }),
    );
    for (const { client, writer } of rejoined) {
      await client.until(
        () =>
          (client.lastAck().get(writer.mine.doc.clientID) ?? 0) ===
          writer.mine.stateVector().get(writer.mine.doc.clientID),
      );
    }
    restarted.kill('SIGTERM');
    await new Promise((resolve) => restarted.once('exit', resolve));
  }, 60_000);
});
