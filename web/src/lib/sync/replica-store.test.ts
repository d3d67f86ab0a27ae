import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as idb from 'lib0/indexeddb';
import { FOLD_AFTER_UPDATES, indexedDbReplicas } from './replica-store.ts';

let names = 0;
const freshName = () => `threadline/test/replica-${++names}`;

/** Opens the stored replica `name` into `doc` and waits for the load. */
async function opened(name: string, doc = new Y.Doc()) {
  const replica = indexedDbReplicas().open(name, doc);
  await replica.whenLoaded;
  return { doc, replica };
}

/** Opens the stored replica into a fresh Y.Doc, waits for the load, and closes it. */
async function stored(name: string) {
  const { doc, replica } = await opened(name);
  await replica.close();
  return doc;
}

/** Stores what `write` does to a fresh document, as an earlier visit would have. */
async function storedBefore(name: string, write: (doc: Y.Doc) => void) {
  const { doc, replica } = await opened(name);
  write(doc);
  await replica.close();
}

async function storedUpdateCount(name: string) {
  const db = await idb.openDB(name, () => {});
  try {
    const [store] = idb.transact(db, ['updates'], 'readonly');
    return await idb.count(store!);
  } finally {
    db.close();
  }
}

function until(check: () => Promise<boolean>) {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      if (await check()) return resolve();
      if (Date.now() - started > 10_000) return reject(new Error('timed out'));
      setTimeout(poll, 10);
    };
    void poll();
  });
}

describe('the replica stored in IndexedDB', () => {
  it('[SC4] keeps every update made after the load, for the next visit', async () => {
    const name = freshName();
    const { doc, replica } = await opened(name);
    doc.getText('t').insert(0, 'hello');
    doc.getText('t').insert(5, ' world');
    await replica.close();
    expect((await stored(name)).getText('t').toString()).toBe('hello world');
  });

  it('[SC4] loads the stored updates in one transaction, before the document is listened to', async () => {
    const name = freshName();
    await storedBefore(name, (first) => {
      for (let i = 0; i < 5; i++) first.getArray<number>('a').push([i]);
    });

    const doc = new Y.Doc();
    let observed = 0;
    doc.getArray('a').observe(() => observed++);
    const { replica } = await opened(name, doc);
    expect(doc.getArray('a').toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(observed).toBe(1);
    // Its own load is not recorded again: the store still holds the five updates.
    await replica.close();
    expect(await storedUpdateCount(name)).toBe(5);
  });

  it('[SC4] stores changes made before the load finished', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const replica = indexedDbReplicas().open(name, doc);
    doc.getText('t').insert(0, 'typed early');
    await replica.whenLoaded;
    await replica.close();
    expect((await stored(name)).getText('t').toString()).toBe('typed early');
  });

  it(
    '[SC4] folds many stored updates into one, keeping those written after the load',
    { timeout: 15_000 },
    async () => {
      const name = freshName();
      await storedBefore(name, (first) => {
        for (let i = 0; i <= FOLD_AFTER_UPDATES; i++) first.getArray<number>('a').push([i]);
      });
      expect(await storedUpdateCount(name)).toBe(FOLD_AFTER_UPDATES + 1);

      const { doc, replica } = await opened(name);
      doc.getArray<number>('a').push([-1]);
      // One update, the whole document: the change after the load is in it.
      await until(async () => (await storedUpdateCount(name)) === 1);
      await replica.close();
      const expected = [...Array.from({ length: FOLD_AFTER_UPDATES + 1 }, (_, i) => i), -1];
      expect((await stored(name)).getArray('a').toArray()).toEqual(expected);
    },
  );

  it(
    '[SC4] folds again during a long session, keeping every change',
    { timeout: 15_000 },
    async () => {
      const name = freshName();
      const { doc, replica } = await opened(name);
      for (let i = 0; i < FOLD_AFTER_UPDATES + 5; i++) doc.getArray<number>('a').push([i]);
      await until(async () => (await storedUpdateCount(name)) < FOLD_AFTER_UPDATES);
      await replica.close();
      expect((await stored(name)).getArray('a').length).toBe(FOLD_AFTER_UPDATES + 5);
    },
  );

  it('[SC4] hides its load from update listeners already there, and keeps what they see after', async () => {
    const name = freshName();
    await storedBefore(name, (first) => first.getText('t').insert(0, 'stored'));

    // The provider, when the page stopped waiting for a slow load: the load is not a change to send.
    const doc = new Y.Doc();
    const sent: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => sent.push(origin));
    const { replica } = await opened(name, doc);
    expect(doc.getText('t').toString()).toBe('stored');
    expect(sent).toEqual([]);
    doc.transact(() => doc.getText('t').insert(0, 'then '), 'me');
    expect(sent).toEqual(['me']);
    await replica.close();
    expect((await stored(name)).getText('t').toString()).toBe('then stored');
  });

  it('[SC4] keeps changes from the server recorded before its load once, as received', async () => {
    const name = freshName();
    const server = new Y.Doc();
    server.getText('t').insert(0, 'from the server');
    const doc = new Y.Doc();
    const replica = indexedDbReplicas().open(name, doc);
    // Applied unobserved and handed over as received, before the load finished.
    const update = Y.encodeStateAsUpdate(server);
    Y.applyUpdate(doc, update);
    replica.record(update);
    await replica.whenLoaded;
    await replica.close();
    expect(await storedUpdateCount(name)).toBe(1);
    expect((await stored(name)).getText('t').toString()).toBe('from the server');
  });

  it('[SC5] clear() empties the store, cached view included, and stops recording', async () => {
    const name = freshName();
    const { doc, replica } = await opened(name);
    doc.getText('t').insert(0, 'refused');
    replica.cacheView(['a first screen with the refused change', 'the whole with it']);
    await replica.clear();
    doc.getText('t').insert(0, 'after ');
    expect(await storedUpdateCount(name)).toBe(0);
    expect((await stored(name)).getText('t').toString()).toBe('');
    expect(await cachedViewOnOpen(name)).toEqual({ views: [], text: '' });
  });

  it('[SC10] hands the cached view over part by part before applying the stored updates, which wait for it', async () => {
    const name = freshName();
    const { doc: first, replica: visit } = await opened(name);
    first.getText('t').insert(0, 'stored');
    visit.cacheView(['the first screen', 'the whole']);
    await visit.close();

    const doc = new Y.Doc();
    const seen: string[] = [];
    let release = () => {};
    const replica = indexedDbReplicas().open(name, doc, {
      showCachedView: (view) => {
        // Drawn while the document is still empty; the load goes on once the view is painted.
        seen.push(`${view} / document: '${doc.getText('t').toString()}'`);
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const settled = async () => new Promise((resolve) => setTimeout(resolve, 50));
    await until(async () => seen.length === 1);
    await settled();
    // The whole waits for the first screen to be drawn, and the document for the whole.
    expect(seen).toEqual([`the first screen / document: ''`]);
    release();
    await until(async () => seen.length === 2);
    await settled();
    expect(doc.getText('t').toString()).toBe('');
    release();
    await replica.whenLoaded;
    expect(seen).toEqual([`the first screen / document: ''`, `the whole / document: ''`]);
    expect(doc.getText('t').toString()).toBe('stored');
    await replica.close();
  });

  it('[SC10] keeps the latest cached view, and loads the document when drawing one fails', async () => {
    const name = freshName();
    const { doc, replica } = await opened(name);
    doc.getText('t').insert(0, 'stored');
    replica.cacheView(['older first screen', 'older whole']);
    replica.cacheView(['newer']);
    await replica.close();
    expect(await cachedViewOnOpen(name, () => Promise.reject(new Error('cannot draw')))).toEqual({
      views: ['newer'],
      text: 'stored',
    });
  });

  it('[SC10] fetches a view when none is cached, and only then', async () => {
    const name = freshName();
    await storedBefore(name, (first) => first.getText('t').insert(0, 'stored'));
    const open = async () => {
      const doc = new Y.Doc();
      const log: string[] = [];
      const replica = indexedDbReplicas().open(name, doc, {
        fetchView: () => {
          log.push('fetched');
          // Asked for at once, shown in order; a part that failed is skipped.
          const later = new Promise<string>((resolve) => setTimeout(() => resolve('first'), 30));
          return [later, Promise.reject(new Error('offline')), Promise.resolve('whole')];
        },
        showCachedView: (view, source) => {
          log.push(`shown (${source}): ${view}, document: '${doc.getText('t').toString()}'`);
        },
      });
      await replica.whenLoaded;
      return { log, replica };
    };
    const first = await open();
    expect(first.log).toEqual([
      'fetched',
      `shown (fetched): first, document: ''`,
      `shown (fetched): whole, document: ''`,
    ]);
    first.replica.cacheView(['cached']);
    await first.replica.close();
    const second = await open();
    expect(second.log).toEqual([`shown (cached): cached, document: ''`]);
    await second.replica.close();
  });

  it('[SC10] opens without a cached view as before: nothing is shown, the document loads', async () => {
    const name = freshName();
    await storedBefore(name, (first) => first.getText('t').insert(0, 'stored'));
    expect(await cachedViewOnOpen(name)).toEqual({ views: [], text: 'stored' });
  });
});

/** Opens the stored replica, noting the cached views handed over, and what the document loaded. */
async function cachedViewOnOpen(name: string, draw: () => Promise<void> = async () => {}) {
  const doc = new Y.Doc();
  const views: string[] = [];
  const replica = indexedDbReplicas().open(name, doc, {
    showCachedView: (view) => {
      views.push(view);
      return draw();
    },
  });
  await replica.whenLoaded;
  await replica.close();
  return { views, text: doc.getText('t').toString() };
}
