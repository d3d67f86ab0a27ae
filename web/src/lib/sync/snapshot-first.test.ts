// The snapshot-first opening (SC10) for a made-up kind whose views are JSON strings, against the
// real IndexedDB replica store (fake-indexeddb) and, for a first visit, a real HTTP server that
// answers snapshots (SYNC27) and drops or refuses websockets (test-sync-server.ts).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { indexedDbReplicas } from './replica-store.ts';
import { SnapshotFirst } from './snapshot-first.svelte.ts';
import { startTestSyncServer } from './test-sync-server.ts';

interface TestView {
  complete: boolean;
  label: string;
}

const user = { id: '00000000-0000-4000-8000-000000000601', name: 'Grace' };
let names = 0;
const freshName = () => `notes/snapshot-first-${++names}`;
const part = (label: string) => JSON.stringify({ complete: false, label });
const whole = (label: string) => JSON.stringify({ complete: true, label });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.unstubAllGlobals();
});

/** Keeps `parts` as the cached view of `name`, as this device's last visit would have. */
async function cachedBefore(name: string, parts: string[]) {
  const replica = indexedDbReplicas().open(`threadline/${user.id}/${name}`, new Y.Doc());
  await replica.whenLoaded;
  replica.cacheView(parts);
  await replica.close();
}

/** The cached view of `name` as the next visit would read it. */
async function cachedView(name: string): Promise<string[]> {
  const parts: string[] = [];
  const replica = indexedDbReplicas().open(`threadline/${user.id}/${name}`, new Y.Doc(), {
    showCachedView: (view) => void parts.push(view),
  });
  await replica.whenLoaded;
  await replica.close();
  return parts;
}

/** Opens `name` as a kind would; `events` records what it was asked to draw and write. */
function open(name: string, syncUrl = 'ws://127.0.0.1:9') {
  const events: string[] = [];
  const opening: SnapshotFirst<TestView> = new SnapshotFirst<TestView>({
    name,
    syncUrl,
    user,
    measureAs: 'test-kind',
    fetchParts: ['first-screen', 'whole'],
    decode: (snapshot) => {
      try {
        return JSON.parse(snapshot) as TestView;
      } catch {
        return null;
      }
    },
    showView: (view) => events.push(`view ${view.label}${opening.live ? ' while live' : ''}`),
    isEmpty: () => opening.synced.doc.getMap('fields').size === 0,
    showDocument: () => events.push('document'),
    encode: () => {
      events.push('encode');
      return [part('written first'), whole('written whole')];
    },
  });
  cleanups.push(() => opening.destroy());
  return { opening, events };
}

/** A page whose visibility the test sets, as a browser's `document` tells it. */
function page() {
  const target = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  target.visibilityState = 'visible';
  vi.stubGlobal('document', target);
  return {
    hide() {
      target.visibilityState = 'hidden';
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('opening a document snapshot first', () => {
  it('[SC10] draws the cached view part by part, read-only, then the document once loaded', async () => {
    const name = freshName();
    await cachedBefore(name, [part('first'), whole('all')]);
    const { opening, events } = open(name);
    expect(opening.loaded).toBe(false);
    await vi.waitFor(() => expect(opening.live).toBe(true));
    expect(events).toEqual(['view first', 'view all', 'document']);
    expect(opening.loaded).toBe(true);
    expect(opening.complete).toBe(true);
    expect(performance.getEntriesByName('test-kind:snapshot-read:first-screen')).not.toHaveLength(
      0,
    );
    expect(performance.getEntriesByName('test-kind:live')).not.toHaveLength(0);
  });

  it('[SC10] never draws a first part over the whole, nor what does not read as a view', async () => {
    const name = freshName();
    await cachedBefore(name, [whole('all'), 'not a view', part('late part')]);
    const { opening, events } = open(name);
    await vi.waitFor(() => expect(opening.live).toBe(true));
    expect(events).toEqual(['view all', 'document']);
  });

  it('[SC10] is live and complete with no view to draw, and writes none before a change', async () => {
    const { hide } = page();
    const { opening, events } = open(freshName());
    await vi.waitFor(() => expect(opening.live).toBe(true));
    expect(opening.complete).toBe(true);
    // Nothing was cached, so a write is due, but only once synced (never, here) or hidden.
    expect(events).toEqual(['document']);
    hide();
    expect(events).toEqual(['document', 'encode']);
  });

  it('[SC10] writes a view read from this device again only once the document changed', async () => {
    const { hide } = page();
    const name = freshName();
    await cachedBefore(name, [whole('all')]);
    const { opening, events } = open(name);
    await vi.waitFor(() => expect(opening.live).toBe(true));
    hide();
    expect(events).not.toContain('encode');

    opening.synced.doc.getMap('fields').set('title', 'changed');
    opening.changed();
    hide();
    expect(events.filter((event) => event === 'encode')).toHaveLength(1);
    await opening.destroy();
    expect(await cachedView(name)).toEqual([part('written first'), whole('written whole')]);
  });

  it('[SC10] [SYNC27] on a first visit draws the server’s parts in order, until syncing stopped', async () => {
    const name = freshName();
    const server = await startTestSyncServer({
      snapshots: {
        [`/snapshot/${name}?part=first-screen`]: part('server first'),
        [`/snapshot/${name}`]: whole('server all'),
      },
      closeWith: CloseCode.Forbidden,
    });
    const { opening, events } = open(name, server.syncUrl);
    // The empty document would draw nothing: the fetched view stays until the server has
    // answered, here by refusing access for good (4403).
    await vi.waitFor(() => expect(opening.live).toBe(true));
    expect(opening.synced.status.kind).toBe('forbidden');
    expect(events).toEqual(['view server first', 'view server all', 'document']);
    expect(server.asked).toEqual(
      expect.arrayContaining([`/snapshot/${name}?part=first-screen`, `/snapshot/${name}`]),
    );
    expect(performance.getEntriesByName('test-kind:snapshot-fetched:whole')).not.toHaveLength(0);
  });

  it('[SC10] [SYNC27] keeps a fetched view shown, read-only, while the empty document has not synced', async () => {
    const name = freshName();
    const server = await startTestSyncServer({
      snapshots: { [`/snapshot/${name}`]: whole('server all') },
    });
    const { opening, events } = open(name, server.syncUrl);
    await vi.waitFor(() => expect(events).toEqual(['view server all']));
    await opening.synced.whenLoaded();
    expect(opening.loaded).toBe(true);
    expect(opening.live).toBe(false);
  });
});
