// Who else has the document open and what they are editing, as reactive state over the
// document's awareness; it follows the document across a replica reset (SC6).
import { createSubscriber } from 'svelte/reactivity';
import { editorsOf, peersOf, peopleHere, type Peer } from './presence.ts';
import type { SyncedDocument } from './synced-document.ts';

export class Presence {
  readonly #document: SyncedDocument;
  readonly #selfId: string | undefined;
  readonly #subscribe: () => void;

  constructor(document: SyncedDocument, selfId?: string) {
    this.#document = document;
    this.#selfId = selfId;
    this.#subscribe = createSubscriber((update) => {
      // 'change' fires when a state is added, removed or altered, not on the 15 s heartbeats.
      let awareness = document.awareness;
      awareness.on('change', update);
      const stopReset = document.onReset(() => {
        awareness.off('change', update);
        awareness = document.awareness;
        awareness.on('change', update);
        update();
      });
      return () => {
        awareness.off('change', update);
        stopReset();
      };
    });
  }

  /** Every other client (tab) in the document. */
  get peers(): Peer[] {
    this.#subscribe();
    return peersOf(this.#document.awareness);
  }

  /** The other people here, once each, without the signed-in person's other tabs. */
  get people(): Peer['user'][] {
    return peopleHere(this.peers, this.#selfId);
  }

  /** The people (other than oneself) editing a field or goal. */
  editing(target: string): Peer['user'][] {
    return editorsOf(this.peers, target).filter((user) => user.id !== this.#selfId);
  }

  /** Tells the others what this person is editing now (a field or goal id), or null. */
  setEditing(target: string | null) {
    this.#document.setEditing(target);
  }
}
