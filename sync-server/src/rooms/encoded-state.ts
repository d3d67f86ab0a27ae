// What a room sends joining clients about its content, encoded once rather than once per client:
// our sync step 1 (the state vector), and the answer to a client that has nothing yet (the whole
// document). In a join storm every client arrives empty-handed, and encoding the document for
// each of them was most of the storm's time; a big goal tree's encoding is a long stall of its
// own (BENCHMARKS.md, "What changed after the first profiles").
//
// The whole document is encoded at some version and kept, with the updates the document took
// since (SYNC4): an empty-handed client is sent those updates, then the whole document as its
// sync step 2. Yjs holds the updates until the document they build on arrives, so by the time
// the client counts itself synced it has everything. A busy document (an edit a second in a
// workshop) is then encoded again only when the updates since outgrow a quarter of it, not for
// every joiner after every keystroke.
//
// Updates Yjs holds back as pending (waiting for changes the room lacks) raise no update event
// but are part of an encoded state, so while any are held nothing is served from the cache.
import * as Y from 'yjs';
import type { StateVector } from '@threadline/domain/protocol/state-vector';
import { OutgoingFrame } from './outgoing-frame.ts';

/** Past this many updates since the whole document was encoded, it is encoded again. */
const MAX_UPDATES_SINCE = 200;
/** …or past this share of its size (with a floor, so small documents keep a few edits, and a
 *  ceiling far under a connection's send-buffer limit, SYNC12). */
const MAX_BYTES_SINCE_SHARE = 0.25;
const MIN_BYTES_SINCE = 64 * 1024;
const MAX_BYTES_SINCE = 4 * 1024 * 1024;

interface Everything {
  /** The whole document at some version, as sync step 2. */
  readonly document: OutgoingFrame;
  /** Every update the document took since, in order. */
  readonly since: Uint8Array[];
  sinceBytes: number;
  /** `since` as sync-update frames, built when a client joins (most edits see no join). */
  sinceFrames: OutgoingFrame[] | undefined;
}

export class EncodedState {
  readonly #doc: Y.Doc;
  #syncStep1: OutgoingFrame | undefined;
  #everything: Everything | undefined;

  constructor(doc: Y.Doc) {
    this.#doc = doc;
  }

  /** The document took `update` (from its update event); without one, forget everything. */
  changed(update?: Uint8Array) {
    this.#syncStep1 = undefined;
    const everything = this.#everything;
    if (!everything) return;
    const budget = Math.min(
      MAX_BYTES_SINCE,
      Math.max(MIN_BYTES_SINCE, everything.document.bytes.byteLength * MAX_BYTES_SINCE_SHARE),
    );
    if (
      !update ||
      everything.since.length >= MAX_UPDATES_SINCE ||
      everything.sinceBytes + update.byteLength > budget
    ) {
      this.#everything = undefined;
      return;
    }
    everything.since.push(update);
    everything.sinceBytes += update.byteLength;
    everything.sinceFrames = undefined;
  }

  /** Our state vector, as sync step 1. */
  syncStep1(): OutgoingFrame {
    if (this.#hasPending()) return syncStep1Of(this.#doc);
    return (this.#syncStep1 ??= syncStep1Of(this.#doc));
  }

  /**
   * The frames answering the sync step 1 of the holder of `stateVector` (decoded: `vector`), in
   * the order to send them; the last is sync step 2.
   */
  syncStep2(stateVector: Uint8Array, vector: StateVector): OutgoingFrame[] {
    if (vector.size > 0 || this.#hasPending()) return [syncStep2Of(this.#doc, stateVector)];
    const everything = (this.#everything ??= {
      document: syncStep2Of(this.#doc),
      since: [],
      sinceBytes: 0,
      sinceFrames: [],
    });
    everything.sinceFrames ??= everything.since.map((update) =>
      OutgoingFrame.of({ type: 'sync-update', update }),
    );
    return [...everything.sinceFrames, everything.document];
  }

  #hasPending(): boolean {
    const { store } = this.#doc;
    return store.pendingStructs !== null || store.pendingDs !== null;
  }
}

function syncStep1Of(doc: Y.Doc) {
  return OutgoingFrame.of({ type: 'sync-step-1', stateVector: Y.encodeStateVector(doc) });
}

function syncStep2Of(doc: Y.Doc, stateVector?: Uint8Array) {
  return OutgoingFrame.of({ type: 'sync-step-2', update: Y.encodeStateAsUpdate(doc, stateVector) });
}
