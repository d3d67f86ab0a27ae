// The one test suite every document kind passes (KIND1–KIND7 in domain/SPEC.md), through a real
// sync server on a real PostgreSQL: whatever a kind's own rules, the server must refuse what
// breaks its shape, keep out who may not open it, keep read-only connections from writing, take
// an update that changes nothing, project deterministically and close a connection whose access
// is revoked. A new kind registers here with a fixture (see goal-tree-kind.test.ts).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Pool } from '@threadline/db';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import type { DocumentKindName } from '@threadline/domain/documents/names';
import type { DocumentKinds } from '@threadline/sync-server/documents/document-kind';
import type { ProjectedRow } from '@threadline/sync-server/projection/document-projector';
import { useSyncServer } from '../support/sync-server.ts';
import { eventually, openRaw, type SignedIn } from '../integration/sync-support.ts';

/** One fresh document of the kind, in an organisation of its own (it may hold what the server
 *  itself wrote when the document came to be, e.g. a calibration board's cards). */
export interface KindDocument {
  name: string;
  organisationId: string;
  /** A person who may write to the document. */
  writer: SignedIn;
  /** Makes, on `doc` (a replica of the document), an edit the writer may make. */
  edit(doc: Y.Doc): void;
  /** A signed-in person who may not open the document. */
  outsider(): Promise<SignedIn>;
  /** Someone whose connections to the document are read-only (the fixture may change the
   *  document's records to make it so, e.g. close a cycle); absent for a kind that opens to
   *  writers only (a development plan, ONE41), which the fixture says with `noReaders`. */
  reader?(): Promise<SignedIn>;
  /** Takes the writer's access to the document away, in the database. */
  revoke(): Promise<void>;
}

export interface KindFixture {
  /** The kind under test, by name. */
  kind: DocumentKindName;
  /** The registry the server runs: the product's. */
  kinds: DocumentKinds;
  document(db: Pool): Promise<KindDocument>;
  /** Why the kind never opens read-only (KIND4 is then skipped). */
  noReaders?: string;
}

/** The Yjs update that `change` makes to a replica of whatever `base` holds. */
function updateOf(base: readonly Uint8Array[], change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  for (const update of base) Y.applyUpdate(doc, update);
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

async function loggedRows(db: Pool, name: string): Promise<number> {
  const { rows } = await db.query<{ count: string }>(
    'SELECT count(*) FROM document_updates WHERE document_name = $1',
    [name],
  );
  return Number(rows[0]?.count ?? 0);
}

export function documentKindContract(kindName: string, fixture: KindFixture) {
  describe(`document kind contract: ${kindName}`, () => {
    const sync = useSyncServer({ kinds: fixture.kinds });

    it('[KIND1] accepts, saves and acknowledges an edit its writer may make', async () => {
      const document = await fixture.document(sync.db.pool);
      const socket = await openRaw(sync.port, document.name, document.writer.cookie);
      await socket.until(() => socket.acks().length > 0);
      socket.sendUpdate(updateOf([], document.edit));
      await socket.until(() => socket.acks().length > 1);
      expect(socket.received.filter((m) => m.type === 'refused')).toEqual([]);
      expect(await loggedRows(sync.db.pool, document.name)).toBeGreaterThan(0);
    });

    it('[KIND2] refuses an update that writes a root type the kind does not have', async () => {
      const document = await fixture.document(sync.db.pool);
      const logged = await loggedRows(sync.db.pool, document.name);
      const socket = await openRaw(sync.port, document.name, document.writer.cookie);
      await socket.until(() => socket.acks().length > 0);
      socket.sendUpdate(updateOf([], (doc) => doc.getMap('not-in-any-schema').set('x', 1)));
      expect(await socket.closed).toBe(CloseCode.ChangeRefused);
      expect(socket.received).toContainEqual({ type: 'refused', reason: 'schema' });
      expect(await loggedRows(sync.db.pool, document.name)).toBe(logged);
    });

    it('[KIND3] closes a connection of someone who may not open the document with 4403', async () => {
      const document = await fixture.document(sync.db.pool);
      const outsider = await document.outsider();
      const socket = await openRaw(sync.port, document.name, outsider.cookie);
      expect(await socket.closed).toBe(CloseCode.Forbidden);
      expect(socket.received.filter((m) => m.type === 'sync-step-2')).toEqual([]);
    });

    it.skipIf(fixture.noReaders !== undefined)(
      '[KIND4] refuses every edit from a read-only connection',
      async () => {
        const document = await fixture.document(sync.db.pool);
        if (!document.reader) throw new Error('a fixture with readers gives a reader');
        const reader = await document.reader();
        const logged = await loggedRows(sync.db.pool, document.name);
        const socket = await openRaw(sync.port, document.name, reader.cookie);
        await socket.until(() => socket.received.some((m) => m.type === 'access'));
        expect(socket.received).toContainEqual({ type: 'access', mode: 'read-only' });
        socket.sendUpdate(updateOf([], document.edit));
        expect(await socket.closed).toBe(CloseCode.ChangeRefused);
        expect(socket.received).toContainEqual({ type: 'refused', reason: 'read-only' });
        expect(await loggedRows(sync.db.pool, document.name)).toBe(logged);
      },
    );

    it('[KIND5] accepts an update that changes nothing, and stays open', async () => {
      const document = await fixture.document(sync.db.pool);
      const socket = await openRaw(sync.port, document.name, document.writer.cookie);
      await socket.until(() => socket.acks().length > 0);
      socket.sendUpdate(Y.encodeStateAsUpdate(new Y.Doc()));
      // The edit after it is judged as usual: the no-op neither closed nor poisoned the socket.
      socket.sendUpdate(updateOf([], document.edit));
      await socket.until(() => socket.acks().length > 1);
      expect(socket.closeCode).toBeUndefined();
      expect(socket.received.filter((m) => m.type === 'refused')).toEqual([]);
    });

    // A kind without analytics has nothing to project.
    const projector = fixture.kinds[fixture.kind]?.projector;
    it.skipIf(!projector)(
      '[KIND6] projects the same rows from the same document, whichever replica',
      async () => {
        if (!projector) return;
        const document = await fixture.document(sync.db.pool);
        const state = updateOf([], document.edit);
        const key = { organisationId: document.organisationId, name: document.name };
        const context = await projector.context(sync.db.pool, key);
        const rowsOf = () => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, state);
          const followed = projector.follow(doc, key);
          const rows: ProjectedRow[] = [...followed.rows(context, true)].flat();
          followed.stop();
          return rows;
        };
        const first = rowsOf();
        expect(first.length).toBeGreaterThan(0);
        expect(rowsOf()).toEqual(first);
      },
    );

    it('[KIND7] closes an open connection as soon as its access is revoked', async () => {
      const document = await fixture.document(sync.db.pool);
      const socket = await openRaw(sync.port, document.name, document.writer.cookie);
      await socket.until(() => socket.acks().length > 0);
      await document.revoke();
      await eventually(() => socket.closeCode !== undefined, 3000);
      expect(socket.closeCode).toBe(CloseCode.Forbidden);
    });
  });
}
