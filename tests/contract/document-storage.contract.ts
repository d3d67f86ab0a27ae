// The one test suite every DocumentStorage passes (in-memory and Postgres alike), so rooms can
// rely on the interface rather than on one implementation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type {
  DocumentKey,
  DocumentStorage,
  LoadedDocument,
  LoggedUpdate,
} from '@threadline/sync-server/persistence/document-storage';

export interface StorageFixture {
  /** A storage over the fixture's backing store. */
  open(): DocumentStorage;
  /** Two organisations, each with one person allowed to author updates. */
  organisationId: string;
  personId: string;
  otherOrganisationId: string;
  otherPersonId: string;
}

/** A Y.Doc with a text, whose every change is recorded as a LoggedUpdate. */
function editor(personId: string | null) {
  const doc = new Y.Doc();
  const updates: LoggedUpdate[] = [];
  let clock = Date.UTC(2026, 0, 1);
  doc.on('update', (update: Uint8Array) => {
    updates.push({ personId, receivedAt: new Date((clock += 1000)), update });
  });
  const text = doc.getText('t');
  return { doc, text, updates };
}

function textOf(loaded: LoadedDocument | readonly Uint8Array[] | Uint8Array | null): string {
  const doc = new Y.Doc();
  let updates: readonly Uint8Array[];
  if (loaded instanceof Uint8Array) updates = [loaded];
  else if (loaded === null) updates = [];
  else if ('updates' in loaded) updates = loaded.updates;
  else updates = loaded;
  for (const update of updates) {
    Y.applyUpdate(doc, update);
  }
  return doc.getText('t').toString();
}

let documentCount = 0;

export function documentStorageContract(name: string, setup: () => Promise<StorageFixture>) {
  describe(`DocumentStorage contract: ${name}`, () => {
    let fixture: StorageFixture;
    let storage: DocumentStorage;
    let key: DocumentKey;

    beforeEach(async () => {
      fixture = await setup();
      storage = fixture.open();
      key = { organisationId: fixture.organisationId, name: `goals/test-${++documentCount}` };
    });
    afterEach(() => storage.close());

    it('[SYNC7] loads nothing for a document never written', async () => {
      expect(await storage.load(key)).toEqual({ updates: [], snapshotSeq: 0, seqs: [] });
      expect(await storage.changesOf(key)).toEqual([]);
    });

    it('[SYNC7] loads appended updates back in order, from a storage opened afresh', async () => {
      const { text, updates } = editor(fixture.personId);
      text.insert(0, 'hello');
      await storage.append(key, updates.splice(0));
      text.insert(5, ' world');
      text.delete(0, 1);
      await storage.append(key, updates.splice(0));
      const reopened = fixture.open();
      expect(textOf(await reopened.load(key))).toBe('ello world');
      expect((await reopened.load(key)).updates).toHaveLength(3);
      await reopened.close();
    });

    it('[SYNC7] keeps documents apart by name and by organisation', async () => {
      const a = editor(fixture.personId);
      const b = editor(fixture.otherPersonId);
      a.text.insert(0, 'mine');
      b.text.insert(0, 'theirs');
      const theirs = { organisationId: fixture.otherOrganisationId, name: key.name };
      await Promise.all([storage.append(key, a.updates), storage.append(theirs, b.updates)]);
      expect(textOf(await storage.load(key))).toBe('mine');
      expect(textOf(await storage.load(theirs))).toBe('theirs');
      expect((await storage.load({ ...key, name: `${key.name}-other` })).updates).toEqual([]);
    });

    it('[SYNC7] lands every one of many concurrent appends, each in its own order', async () => {
      const editors = Array.from({ length: 20 }, () => editor(fixture.personId));
      const keys = editors.map((_, i) => ({ ...key, name: `${key.name}/${i}` }));
      await Promise.all(
        editors.map(async ({ text, updates }, i) => {
          for (let n = 0; n < 10; n++) {
            text.insert(text.length, String(n));
            await storage.append(keys[i]!, updates.splice(0));
          }
        }),
      );
      for (const k of keys) expect(textOf(await storage.load(k))).toBe('0123456789');
    });

    it('[SYNC7] has every append made before close durable after close', async () => {
      const { text, updates } = editor(fixture.personId);
      const appends: Promise<number[]>[] = [];
      for (let n = 0; n < 5; n++) {
        text.insert(text.length, String(n));
        appends.push(storage.append(key, updates.splice(0)));
      }
      await storage.close();
      await Promise.all(appends);
      storage = fixture.open();
      expect(textOf(await storage.load(key))).toBe('01234');
    });

    it('[SYNC9] loads a compacted document as one snapshot followed by the later updates', async () => {
      const { text, updates } = editor(fixture.personId);
      text.insert(0, 'abc');
      text.insert(3, 'def');
      await storage.append(key, updates.splice(0));
      const snapshotBytes = await storage.compact(key);
      const compacted = await storage.load(key);
      expect(compacted.updates).toHaveLength(1);
      // It tells the room the snapshot's size, its new size estimate (SYNC13).
      expect(snapshotBytes).toBe(compacted.updates[0]!.byteLength);
      text.insert(6, 'g');
      await storage.append(key, updates.splice(0));
      const loaded = await storage.load(key);
      expect(loaded.updates).toHaveLength(2);
      expect(textOf(loaded)).toBe('abcdefg');
      expect(await storage.compact(key)).toBeGreaterThan(snapshotBytes!);
      expect(await storage.compact(key)).toBeNull();
      expect(textOf(await storage.load(key))).toBe('abcdefg');
    });

    it('[SYNC26] tells each append its seqs, and which seqs a load and the log hold', async () => {
      const { text, updates } = editor(fixture.personId);
      text.insert(0, 'a');
      text.insert(1, 'b');
      const first = await storage.append(key, updates.splice(0));
      expect(first).toHaveLength(2);
      expect(first[0]!).toBeLessThan(first[1]!);
      await storage.compact(key);
      text.insert(2, 'c');
      const second = await storage.append(key, updates.splice(0));
      expect(second[0]!).toBeGreaterThan(first[1]!);
      const loaded = await storage.load(key);
      expect(loaded.snapshotSeq).toBe(first[1]);
      expect(loaded.seqs).toEqual(second);
      expect(await storage.seqsAfter(key, 0)).toEqual([...first, ...second]);
      expect(await storage.seqsAfter(key, first[1]!)).toEqual(second);
      expect(textOf(await storage.updatesAt(key, [first[0]!, second[0]!]))).toBe('a');
      expect(await storage.updatesAt({ ...key, name: `${key.name}-other` }, first)).toEqual([]);
    });

    it('[SYNC9] compacts nothing when nothing was written', async () => {
      expect(await storage.compact(key)).toBeNull();
    });

    it('[SYNC10] reconstructs the document as it was at any moment, across compactions', async () => {
      const { text, updates } = editor(fixture.personId);
      text.insert(0, 'one');
      text.insert(3, ' two');
      await storage.append(key, updates.splice(0));
      await storage.compact(key);
      text.delete(0, 4);
      await storage.append(key, updates.splice(0));
      const changes = await storage.changesOf(key);
      const times = changes.map((change) => change.receivedAt.getTime());
      expect(await storage.documentAt(key, new Date(times[0]! - 1))).toBeNull();
      expect(textOf(await storage.documentAt(key, new Date(times[0]!)))).toBe('one');
      expect(textOf(await storage.documentAt(key, new Date(times[1]! + 500)))).toBe('one two');
      expect(textOf(await storage.documentAt(key, new Date(times[2]!)))).toBe('two');
    });

    it('[SYNC10] lists every change with its author and time, oldest first', async () => {
      const ada = editor(fixture.personId);
      ada.text.insert(0, 'a');
      await storage.append(key, ada.updates);
      const server = editor(null);
      Y.applyUpdate(server.doc, ada.updates[0]!.update);
      server.updates.length = 0;
      server.text.insert(1, 'b');
      await storage.append(key, server.updates);
      const changes = await storage.changesOf(key);
      expect(changes.map(({ personId, receivedAt }) => ({ personId, receivedAt }))).toEqual([
        { personId: fixture.personId, receivedAt: ada.updates[0]!.receivedAt },
        { personId: null, receivedAt: server.updates[0]!.receivedAt },
      ]);
      expect(changes[0]!.seq).toBeLessThan(changes[1]!.seq);
      expect(textOf(changes.map((change) => change.update))).toBe('ab');
    });
  });
}
