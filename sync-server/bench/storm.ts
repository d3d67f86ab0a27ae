// Measures the two figures issue 3 asks for, on a fresh database (DATABASE_URL's server, else a
// throwaway embedded cluster):
//  1. commit latency under a storm: N clients each send an update every few ms to one document
//     for some seconds; reports p50/p99 of storage commit time (append → COMMIT) and of what a
//     client sees (send → acknowledgement covering it);
//  2. memory per idle loaded document: loads D small documents with nobody connected and reports
//     the heap they hold, per document.
//
//   node sync-server/bench/storm.ts [--clients 50] [--seconds 10] [--interval 20]
//                                   [--documents 1000] [--free-form]
//
// Every update is a goal-tree edit validated as in production (SYNC17); --free-form serves the
// same updates without validation or projection, to show what those cost.
//
// The server runs in a child process of its own (with --expose-gc), so the clients generating
// the load do not share its event loop.
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  createPool,
  createSession,
  generateSessionToken,
  SESSION_COOKIE_NAME,
  type Pool,
} from '@threadline/db';
import { createScratchDatabase } from '@threadline/db/scratch-database';
import { addGoal, addGoals, goalText } from '@threadline/domain/goals/edits';
import { decodeMessage, encodeMessage, MessageType } from '@threadline/domain/protocol/messages';
import { decodeStateVector } from '@threadline/domain/protocol/state-vector';
import type { DocumentKey, LoggedUpdate } from '../src/persistence/document-storage.ts';
import { PostgresDocumentStorage } from '../src/persistence/postgres-storage.ts';
import { FREE_FORM_KINDS } from '../src/documents/free-form.ts';
import { startSyncServer } from '../src/server.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    interval: { type: 'string', default: '20' },
    documents: { type: 'string', default: '1000' },
    serve: { type: 'boolean', default: false },
    /** Serve documents without validation or projection, to see what those cost. */
    'free-form': { type: 'boolean', default: false },
  },
});
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const INTERVAL_MS = Number(values.interval);
const DOCUMENTS = Number(values.documents);

/** Postgres storage that records how long each append takes to commit. */
class TimedStorage extends PostgresDocumentStorage {
  readonly commits: number[] = [];
  override async append(key: DocumentKey, updates: readonly LoggedUpdate[]) {
    const started = performance.now();
    const seqs = await super.append(key, updates);
    this.commits.push(performance.now() - started);
    return seqs;
  }
}

function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  const database = await createScratchDatabase('threadline_bench');
  const pool = createPool(database.url, 10);
  try {
    const { rows: orgs } = await pool.query<{ id: string }>(
      `INSERT INTO organisations (name, slug) VALUES ('Bench', 'bench-sync') RETURNING id`,
    );
    const organisationId = orgs[0]!.id;
    const { rows: people } = await pool.query<{ id: string }>(
      `INSERT INTO people (organisation_id, name, email, status, password_hash)
       VALUES ($1, 'Bench', 'bench@sync.example', 'active', 'x') RETURNING id`,
      [organisationId],
    );
    const personId = people[0]!.id;
    const token = generateSessionToken();
    await createSession(pool, token, { id: personId, organisationId });
    const cookie = `${SESSION_COOKIE_NAME}=${token}`;
    const { rows: cycles } = await pool.query<{ id: string }>(
      `INSERT INTO cycles (organisation_id, name, starts_on, ends_on)
       VALUES ($1, 'H1', '2026-01-01', '2026-06-30') RETURNING id`,
      [organisationId],
    );
    const documentName = `goals/${cycles[0]!.id}`;

    const childArgs = ['--serve', ...(values['free-form'] ? ['--free-form'] : [])];
    const server = fork(new URL(import.meta.url).pathname, childArgs, {
      env: { ...process.env, DATABASE_URL: database.url },
      execArgv: ['--expose-gc'],
    });
    const ask = <T>(request: object) =>
      new Promise<T>((resolve) => {
        server.once('message', (reply) => resolve(reply as T));
        server.send(request);
      });
    const { port } = await new Promise<{ port: number }>((resolve) =>
      server.once('message', (reply) => resolve(reply as { port: number })),
    );

    // 1. The storm.
    const acked: number[] = [];
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/sync/${documentName}`, {
          headers: { cookie },
        });
        const doc = new Y.Doc();
        const sentAt = new Map<number, number>(); // own clock after an update → time sent
        socket.on('message', (data: Buffer) => {
          if (data[0] !== MessageType.Ack) return; // relayed updates: not what we measure
          const message = decodeMessage(new Uint8Array(data));
          if (message.type !== 'ack') return;
          const clock = decodeStateVector(message.stateVector).get(doc.clientID) ?? 0;
          for (const [sentClock, time] of sentAt) {
            if (sentClock > clock) continue;
            acked.push(performance.now() - time);
            sentAt.delete(sentClock);
          }
        });
        await new Promise((resolve) => socket.once('open', resolve));
        return { socket, doc, sentAt };
      }),
    );
    const until = performance.now() + SECONDS * 1000;
    let sent = 0;
    await Promise.all(
      clients.map(async ({ socket, doc, sentAt }, i) => {
        await new Promise((resolve) => setTimeout(resolve, (i * INTERVAL_MS) / CLIENTS));
        // Each person types in the title of a goal of their own, so every update goes through
        // the goal-tree validation (SYNC17): 50 people all typing at the very same spot is not a
        // workload, it is YATA's quadratic worst case.
        const goalId = addGoal(
          doc,
          { title: `Goal ${i}`, level: 'person', ownerId: personId, parentId: null },
          { by: personId },
        );
        socket.send(encodeMessage({ type: 'sync-update', update: Y.encodeStateAsUpdate(doc) }));
        const text = goalText(doc, goalId, 'title')!;
        while (performance.now() < until) {
          const before = Y.encodeStateVector(doc);
          doc.transact(() => {
            // Titles stay under their 200 characters (GOAL2).
            if (text.length > 150) text.delete(0, 100);
            text.insert(text.length, `${sent++} `);
          });
          const update = Y.encodeStateAsUpdate(doc, before);
          sentAt.set(
            Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID)!,
            performance.now(),
          );
          socket.send(encodeMessage({ type: 'sync-update', update }));
          await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const { socket } of clients) socket.close();
    console.log(
      `storm: ${CLIENTS} clients, one update every ${INTERVAL_MS} ms each, ${SECONDS} s, ` +
        `${sent} updates (${(sent / SECONDS).toFixed(0)}/s), engine: ${database.cluster.engine}`,
    );
    const { commits } = await ask<{ commits: number[] }>({ type: 'commits' });
    console.log(
      `  commit (append → COMMIT, ${commits.length} saves): ` +
        `p50 ${ms(percentile(commits, 50))}, p99 ${ms(percentile(commits, 99))}`,
    );
    console.log(
      `  client (send → ack, ${acked.length} updates): ` +
        `p50 ${ms(percentile(acked, 50))}, p99 ${ms(percentile(acked, 99))}`,
    );
    const memory = await ask<{ perDocument: number; bytes: number }>({
      type: 'memory',
      organisationId,
      documents: DOCUMENTS,
    });
    console.log(
      `memory: ${DOCUMENTS} idle loaded documents of ${memory.bytes} bytes each (20 goals): ` +
        `${(memory.perDocument / 1024).toFixed(1)} KiB per document`,
    );
    await ask({ type: 'stop' });
  } finally {
    await pool.end();
    await database.drop();
  }
}

/** The child: the sync server with timed storage, answering the parent's requests. */
async function serve() {
  const pool = createPool(process.env.DATABASE_URL!, 10);
  const storage = new TimedStorage(pool);
  const server = await startSyncServer({
    db: pool,
    log: pino({ level: 'warn' }),
    port: 0,
    hostname: '127.0.0.1',
    storage,
    kinds: values['free-form'] ? FREE_FORM_KINDS : undefined,
    config: { idleUnloadMs: 3_600_000 },
  });
  process.send!({ port: server.port });
  process.on(
    'message',
    async (request: { type: string; organisationId: string; documents: number }) => {
      if (request.type === 'commits') process.send!({ commits: storage.commits });
      if (request.type === 'memory') {
        const { organisationId, documents } = request;
        process.send!(await measureIdleMemory(server, storage, pool, organisationId, documents));
      }
      if (request.type === 'stop') {
        await server.close();
        await pool.end();
        process.send!({}, () => process.exit(0));
      }
    },
  );
}

/** Loads `count` small goal trees (20 goals, one cycle each) with nobody connected; the heap
 *  they hold, per document, once each has been projected (SYNC24). */
async function measureIdleMemory(
  server: Awaited<ReturnType<typeof startSyncServer>>,
  storage: PostgresDocumentStorage,
  pool: Pool,
  organisationId: string,
  count: number,
) {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const keys: DocumentKey[] = [];
  const by = { by: organisationId };
  for (let d = 0; d < count; d++) {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO cycles (organisation_id, name, starts_on, ends_on)
       VALUES ($1, $2, '2025-01-01', '2025-06-30') RETURNING id`,
      [organisationId, `Bench ${d}`],
    );
    const doc = new Y.Doc();
    const goals = Array.from({ length: 20 }, (_, g) => ({
      title: `Goal ${g} of document ${d}`,
      level: 'team' as const,
      ownerId: null,
      parentId: null,
    }));
    addGoals(doc, goals, by);
    const key = { organisationId, name: `goals/${rows[0]!.id}` };
    await storage.append(key, [
      { personId: null, receivedAt: new Date(), update: Y.encodeStateAsUpdate(doc) },
    ]);
    keys.push(key);
  }
  const bytes = (await storage.load(keys[0]!)).updates[0]!.byteLength;
  gc();
  const before = process.memoryUsage().heapUsed;
  const member = {
    id: 0,
    personId: 'bench',
    personName: 'Bench',
    mode: 'read-write' as const,
    send() {},
    sendFrame() {},
    close() {},
  };
  for (const key of keys) {
    const room = await server.rooms.join(key, member);
    server.rooms.leave(room, member);
  }
  await Promise.all(server.rooms.rooms().map((room) => room.flushProjection()));
  gc();
  const after = process.memoryUsage().heapUsed;
  return { perDocument: (after - before) / count, bytes };
}

if (values.serve) await serve();
else await main();
