import { describe, expect, it, onTestFinished, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { LiveDoc, reactiveYArray, reactiveYMap, reactiveYText } from './reactive-y.svelte.ts';
import { track } from './svelte-test-runtime.ts';
import { openDocument } from './synced-document.ts';
import { startTestSyncServer } from './test-sync-server.ts';

vi.mock('svelte/reactivity', async () =>
  (await import('./svelte-test-runtime.ts')).clientReactivity(),
);

/** A change made on another replica and applied here, as the provider applies the server's. */
function remote(doc: Y.Doc, change: (other: Y.Doc) => void) {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(other);
  change(other);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), 'server');
}

describe('reactive Yjs views', () => {
  it('[SC7] re-runs a reader of a map after local and remote changes, and stops when it ends', () => {
    const doc = new Y.Doc();
    const goals = reactiveYMap(doc.getMap<string>('goals'));
    const seen = track(() => goals.get('g1') ?? null);
    goals.set('g1', 'local title');
    seen.flush();
    remote(doc, (other) => other.getMap<string>('goals').set('g1', 'remote title'));
    seen.flush();
    seen.stop();
    goals.set('g1', 'after stop');
    seen.flush();
    expect(seen.values).toEqual([null, 'local title', 'remote title']);
    // No observer is left behind on the Yjs type once the last reader is gone.
    expect(doc.getMap('goals')._eH.l).toHaveLength(0);
  });

  it('[SC7] follows nested changes only when asked to observe deeply', () => {
    const doc = new Y.Doc();
    const root = doc.getMap<Y.Map<string>>('goals');
    root.set('g1', new Y.Map<string>());
    const shallow = reactiveYMap(root);
    const deep = reactiveYMap(root, { deep: true });
    const shallowSeen = track(() => shallow.get('g1')?.get('title'));
    const deepSeen = track(() => deep.get('g1')?.get('title'));
    root.get('g1')!.set('title', 'nested');
    deepSeen.flush();
    shallowSeen.flush();
    expect(deepSeen.values).toEqual([undefined, 'nested']);
    expect(shallowSeen.values).toEqual([undefined]);
    deepSeen.stop();
    shallowSeen.stop();
  });

  it('[SC7] re-runs readers of arrays and texts', () => {
    const doc = new Y.Doc();
    const items = reactiveYArray(doc.getArray<string>('order'));
    const notes = reactiveYText(doc.getText('notes'));
    const seenItems = track(() => items.toArray().join(','));
    const seenNotes = track(() => notes.value);
    items.push(['a', 'b']);
    items.insert(1, ['c']);
    seenItems.flush();
    remote(doc, (other) => other.getText('notes').insert(0, 'hello'));
    seenNotes.flush();
    expect(seenItems.values).toEqual(['', 'a,c,b']);
    expect(seenNotes.values).toEqual(['', 'hello']);
    expect(items.get(5)).toBeUndefined();
    expect(items.length).toBe(3);
    seenItems.stop();
    seenNotes.stop();
  });

  it('[SC7] follows a talking point ticked off on another replica, in an array of maps observed deeply', () => {
    const doc = new Y.Doc();
    const points = doc.getArray<Y.Map<unknown>>('points');
    const point = new Y.Map<unknown>();
    point.set('title', 'Hiring plan');
    point.set('done', false);
    points.push([point]);
    const agenda = reactiveYArray(points, { deep: true });
    const seen = track(() =>
      agenda.toArray().map((each) => `${each.get('title')}: ${each.get('done')}`),
    );
    remote(doc, (other) => other.getArray<Y.Map<unknown>>('points').get(0).set('done', true));
    seen.flush();
    expect(seen.values).toEqual([['Hiring plan: false'], ['Hiring plan: true']]);
    seen.stop();
  });

  it('[SC7] [SC5] moves readers of the document onto the fresh Y.Doc when a refusal replaced it', async () => {
    // The first connection is closed as after a refused change: the client drops its replica.
    const server = await startTestSyncServer({ closeWith: CloseCode.ChangeRefused, closeFirst: 1 });
    const synced = openDocument({
      name: 'one-on-one/00000000-0000-4000-8000-000000000701',
      syncUrl: server.syncUrl,
      user: { id: 'someone', name: 'Someone' },
      persistence: null,
      watchNetwork: false,
    });
    onTestFinished(() => synced.destroy());
    const refused = synced.doc;
    const live = new LiveDoc(synced);
    const docs = track(() => live.doc);
    await vi.waitFor(() => expect(synced.doc).not.toBe(refused));
    docs.flush();
    expect(docs.values).toEqual([refused, synced.doc]);
    docs.stop();
  });
});
