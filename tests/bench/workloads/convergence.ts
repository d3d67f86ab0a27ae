// Real providers, as an app uses them, on the same server as the light clients: three providers
// type into a shared goal tree while light writers type too; every provider must end with the
// same document, holding every edit. (y-websocket's WebsocketProvider for ours — our protocol is
// its protocol — and for y-websocket's server; HocuspocusProvider for Hocuspocus.)
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { BenchContext } from '../lib/context.ts';
import { addBenchGoals, allDescriptions, typeInDescription } from '../lib/goal-docs.ts';
import { LightClient } from '../lib/light-client.ts';
import { formatMarker, markersIn } from '../lib/markers.ts';
import { RoomLoad } from '../lib/room-load.ts';

export interface ConvergenceResult {
  providers: number;
  edits: number;
  converged: boolean;
  /** From the last edit to every provider holding the same, complete document. */
  convergedAfterMs: number;
}

interface RealProvider {
  doc: Y.Doc;
  synced: Promise<void>;
  destroy(): void;
}

function openProvider(context: BenchContext, documentName: string): RealProvider {
  const doc = new Y.Doc();
  const { port, cookie, token, protocol } = context.endpoint;
  if (protocol === 'hocuspocus') {
    const socket = new HocuspocusProviderWebsocket({
      url: `ws://127.0.0.1:${port}`,
      WebSocketPolyfill: WebSocket,
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName,
      document: doc,
      token,
    });
    provider.attach(); // a provider given a shared socket does not attach itself
    const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()));
    return {
      doc,
      synced,
      destroy: () => {
        provider.destroy();
        socket.destroy();
      },
    };
  }
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const base = protocol === 'ours' ? `ws://127.0.0.1:${port}/sync` : `ws://127.0.0.1:${port}`;
  const provider = new WebsocketProvider(base, documentName, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  // Ours sends acks, refusals and access notices (100 and up); the stock provider would log
  // each as unknown.
  for (let type = 100; type < 110; type++) provider.messageHandlers[type] = () => {};
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return { doc, synced, destroy: () => provider.destroy() };
}

export async function runConvergence(context: BenchContext): Promise<ConvergenceResult> {
  const load = await RoomLoad.open(
    context.endpoint,
    context.database,
    {
      rooms: 1,
      clientsPerRoom: 5,
      writersPerRoom: 5,
      editsPerSecond: 5,
      bursts: true,
      presence: true,
    },
    context.process,
  );
  const [documentName] = load.documents;
  // Goals for the providers to type in.
  const seedDoc = new Y.Doc();
  const seeder = await new LightClient(context.endpoint, documentName!, { doc: seedDoc }).connect();
  const before = Y.encodeStateVector(seedDoc);
  const goals = addBenchGoals(seedDoc, 3, context.database.personId);
  seeder.sendUpdate(Y.encodeStateAsUpdate(seedDoc, before));
  await seeder.roundTrip();
  seeder.terminate();

  const providers = [0, 1, 2].map(() => openProvider(context, documentName!));
  let converged = false;
  let convergedAfterMs = NaN;
  try {
    await Promise.all(providers.map((provider) => provider.synced));
    load.start();
    const expected = new Set<number>();
    for (let round = 0; round < 12; round++) {
      providers.forEach((provider, i) => {
        const seq = load.tracker.reserve(-1 - i);
        expected.add(seq);
        typeInDescription(provider.doc, goals[i]!, `${formatMarker(seq)} `);
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    load.stop();
    for (let seq = 0; seq < load.tracker.count; seq++) {
      if (load.tracker.wasSent(seq)) expected.add(seq);
    }
    const lastEdit = performance.now();
    const complete = () => {
      const first = JSON.stringify(providers[0]!.doc.getMap('goals').toJSON());
      if (!providers.every((p) => JSON.stringify(p.doc.getMap('goals').toJSON()) === first)) {
        return false;
      }
      const present = new Set(markersIn(allDescriptions(providers[0]!.doc)));
      return [...expected].every((seq) => present.has(seq));
    };
    while (performance.now() - lastEdit < 10_000) {
      if (complete()) {
        converged = true;
        convergedAfterMs = performance.now() - lastEdit;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { providers: providers.length, edits: expected.size, converged, convergedAfterMs };
  } finally {
    for (const provider of providers) provider.destroy();
    await load.close();
  }
}
