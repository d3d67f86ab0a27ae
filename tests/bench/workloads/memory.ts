// Memory: what an idle connection costs the server, and what a loaded document costs. Both read
// inside the server process after forced garbage collections (the probe), as heap + external
// (ArrayBuffers, ws buffers) and as resident set size.
//  - per idle connection: N clients join ten small documents that are already open, and sit;
//  - per loaded document: D documents of 20 goals each are opened (one client each keeps it
//    loaded, as every server unloads or may unload a document nobody has open), minus the cost
//    of that one connection.
import * as Y from 'yjs';
import type { BenchContext } from '../lib/context.ts';
import { addBenchGoals } from '../lib/goal-docs.ts';
import { connectMany, LightClient } from '../lib/light-client.ts';

export interface MemoryResult {
  connections: number;
  heapPerConnection: number;
  rssPerConnection: number;
  documents: number;
  heapPerDocument: number;
  rssPerDocument: number;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

async function measure(context: BenchContext) {
  await settle();
  const { memory } = await context.process.probe('gc');
  return { heap: memory.heapUsed + memory.external, rss: context.process.rssBytes() };
}

/** Opens a document of 20 goals; the client stays connected. */
async function openSmallDocument(context: BenchContext, documentName: string) {
  const doc = new Y.Doc();
  const client = await new LightClient(context.endpoint, documentName, { doc }).connect();
  const before = Y.encodeStateVector(doc);
  addBenchGoals(doc, 20, context.database.personId);
  client.sendUpdate(Y.encodeStateAsUpdate(doc, before));
  await client.roundTrip();
  return client;
}

export async function runMemory(context: BenchContext): Promise<MemoryResult> {
  const { quick } = context.scale;
  const connections = quick ? 200 : 1000;
  const documents = quick ? 40 : 500;

  const rooms = await context.database.newDocuments(10);
  const anchors = await Promise.all(rooms.map((room) => openSmallDocument(context, room)));
  const beforeConnections = await measure(context);
  const idle = await connectMany(
    connections,
    (i) => new LightClient(context.endpoint, rooms[i % 10]!),
  );
  const afterConnections = await measure(context);
  const heapPerConnection = (afterConnections.heap - beforeConnections.heap) / connections;
  const rssPerConnection = (afterConnections.rss - beforeConnections.rss) / connections;

  const names = await context.database.newDocuments(documents);
  const opened: LightClient[] = [];
  for (let i = 0; i < names.length; i += 20) {
    opened.push(
      ...(await Promise.all(
        names.slice(i, i + 20).map((name) => openSmallDocument(context, name)),
      )),
    );
  }
  const afterDocuments = await measure(context);
  const heapPerDocument =
    (afterDocuments.heap - afterConnections.heap) / documents - heapPerConnection;
  const rssPerDocument = (afterDocuments.rss - afterConnections.rss) / documents - rssPerConnection;

  for (const client of [...anchors, ...idle, ...opened]) client.terminate();
  return {
    connections,
    heapPerConnection,
    rssPerConnection,
    documents,
    heapPerDocument,
    rssPerDocument,
  };
}
