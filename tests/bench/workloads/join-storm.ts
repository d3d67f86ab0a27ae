// Join storm: many people open one large goal tree at the same moment (the start of a company
// all-hands). A holder keeps the document loaded; then `clients` fresh clients connect at once,
// and each one's time from opening the socket to having the whole document is measured, with the
// bytes the server sent. Then reconnect: a client that has the document goes away, 100 edits
// happen, it comes back; the bytes it receives until it is in sync again.
//
// The joining clients keep nothing of what they receive (joining-client.ts): the generator must
// take in 150 × 4 MB without becoming the bottleneck it measures.
import * as Y from 'yjs';
import type { BenchContext } from '../lib/context.ts';
import { buildLargeGoalTree, typeInDescription } from '../lib/goal-docs.ts';
import { JoiningClient } from '../lib/joining-client.ts';
import { LightClient } from '../lib/light-client.ts';
import { startCpuWindow } from '../lib/saturation.ts';
import { summarise } from '../lib/stats.ts';

export interface JoinStormResult {
  clients: number;
  documentBytes: number;
  joinP50: number;
  joinP99: number;
  joinMax: number;
  failed: number;
  /** Bytes the server sent per joining client until it had the document. */
  bytesPerJoin: number;
  serverCpuMs: number;
  /** The server's longest event-loop delay during the storm, in ms. */
  eventLoopMax: number;
  /** Share of the storm the server was runnable but waiting for its core (other processes). */
  serverWaitShare: number;
  generatorShare: number;
  reconnectBytesIn: number;
  reconnectBytesOut: number;
  /** The encoded size of the 100 edits made while the client was away. */
  reconnectMissedBytes: number;
}

export async function runJoinStorm(context: BenchContext): Promise<JoinStormResult> {
  const { quick } = context.scale;
  const clients = quick ? 50 : 150;
  const targetBytes = (quick ? 1 : 4) * 1024 * 1024;
  const [documentName] = await context.database.newDocuments(1);
  const { doc, updates } = buildLargeGoalTree(targetBytes, context.database.personId);
  const documentBytes = Y.encodeStateAsUpdate(doc).byteLength;
  // The holder's replica follows what it sends, so its round trips bring back nothing.
  const held = new Y.Doc();
  const holder = await new LightClient(context.endpoint, documentName!, { doc: held }).connect();
  const send = (update: Uint8Array) => {
    Y.applyUpdate(held, update);
    holder.sendUpdate(update);
  };
  for (const update of updates) {
    send(update);
    await holder.roundTrip();
  }
  // What writing the document set off (saving, projecting, a debounced store) runs its course
  // first: the storm times joins, not the tail of the document's creation.
  await new Promise((resolve) => setTimeout(resolve, quick ? 500 : 3000));

  // The storm. Its CPU is read inside the profiled window, so that starting and writing a profile
  // (--profile) is not counted as the storm's.
  const storm = async () => {
    await context.process.probe('reset');
    const cpuBefore = context.process.cpuMs();
    const waitBefore = context.process.waitingMs();
    const began = performance.now();
    const generator = startCpuWindow();
    const joins = await Promise.all(
      Array.from({ length: clients }, async () => {
        const started = performance.now();
        const client = new JoiningClient(context.endpoint, documentName!);
        try {
          await client.join();
          return { ms: performance.now() - started, bytes: client.bytesIn, client };
        } catch {
          return { ms: NaN, bytes: client.bytesIn, client };
        }
      }),
    );
    const own = generator();
    const serverCpuMs = context.process.cpuMs() - cpuBefore;
    const serverWaitShare =
      (context.process.waitingMs() - waitBefore) / (performance.now() - began);
    const { eventLoopDelay } = await context.process.probe('stats');
    return { joins, own, serverCpuMs, serverWaitShare, eventLoopMax: eventLoopDelay.max };
  };
  const { joins, own, serverCpuMs, serverWaitShare, eventLoopMax } = await context.profiled(
    'join',
    storm,
  );
  for (const join of joins) join.client.terminate();
  const ok = joins.filter((join) => Number.isFinite(join.ms));
  const times = summarise(ok.map((join) => join.ms));

  // Reconnect after missing 100 edits.
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  const away = Y.encodeStateVector(replica);
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(doc));
  const goalId = [...editor.getMap('goals').keys()][0]!;
  for (let i = 0; i < 100; i++) {
    const before = Y.encodeStateVector(editor);
    typeInDescription(editor, goalId, `edit ${i} `);
    send(Y.encodeStateAsUpdate(editor, before));
    await new Promise((resolve) => setTimeout(resolve, 5)); // typing, not a flood
  }
  await holder.roundTrip();
  const missed = Y.encodeStateAsUpdate(editor, away).byteLength;
  const returning = await new LightClient(context.endpoint, documentName!, {
    doc: replica,
  }).connect();
  // Messages the server sends right after the sync (ours: the ack) belong to the reconnect too.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const reconnect = { in: returning.bytesIn, out: returning.bytesOut };
  returning.terminate();
  holder.terminate();

  return {
    clients,
    documentBytes,
    joinP50: times.p50,
    joinP99: times.p99,
    joinMax: times.max,
    failed: clients - ok.length,
    bytesPerJoin: ok.reduce((sum, join) => sum + join.bytes, 0) / Math.max(1, ok.length),
    serverCpuMs,
    eventLoopMax,
    serverWaitShare,
    generatorShare: own.share,
    reconnectBytesIn: reconnect.in,
    reconnectBytesOut: reconnect.out,
    reconnectMissedBytes: missed,
  };
}
