// What a room sends joining clients about its content, encoded once per version of the document
// rather than once per client: our sync step 1 (the state vector), and the sync step 2 answering
// an empty state vector (the whole document). In a join storm every client arrives empty-handed,
// and encoding a 4 MB document for each of 150 of them was most of the storm's time.
//
// Any change to the document drops both (`changed`, called from the document's update event).
// Updates Yjs holds back as pending (waiting for changes the room lacks) raise no update event
// but are part of an encoded state, so while any are held nothing is served from the cache.
// The whole document is held through a WeakRef: the sockets still writing it keep it alive
// during a storm, and it costs no memory once they are done.
import * as Y from 'yjs';
import type { StateVector } from '@threadline/domain/protocol/state-vector';
import { OutgoingFrame } from './outgoing-frame.ts';

export class EncodedState {
  readonly #doc: Y.Doc;
  #syncStep1: OutgoingFrame | undefined;
  #everything: WeakRef<OutgoingFrame> | undefined;

  constructor(doc: Y.Doc) {
    this.#doc = doc;
  }

  changed() {
    this.#syncStep1 = undefined;
    this.#everything = undefined;
  }

  /** Our state vector, as sync step 1. */
  syncStep1(): OutgoingFrame {
    if (this.#hasPending()) return syncStep1Of(this.#doc);
    return (this.#syncStep1 ??= syncStep1Of(this.#doc));
  }

  /** Sync step 2: everything the holder of `stateVector` (decoded: `vector`) lacks. */
  syncStep2(stateVector: Uint8Array, vector: StateVector): OutgoingFrame {
    if (vector.size > 0 || this.#hasPending()) return syncStep2Of(this.#doc, stateVector);
    let frame = this.#everything?.deref();
    if (!frame) {
      frame = syncStep2Of(this.#doc);
      this.#everything = new WeakRef(frame);
    }
    return frame;
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
