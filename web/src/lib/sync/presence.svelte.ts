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
      // 'change' fires when a state is added, removed or altered, not on the 15 s heartbeats —
      // and on every caret move, one's own (each keystroke in rich text) and the others'. What
      // the page shows of presence (who, and what they edit) rarely changes then, so readers
      // re-run only when it did: a keystroke re-ran every "is editing" of the agenda before.
      const changed = () => {
        const peers = peersOf(document.awareness);
        const signature = signatureOf(peers);
        if (signature === this.#signature) return;
        this.#peers = peers;
        this.#signature = signature;
        update();
      };
      this.#following = true;
      let awareness = document.awareness;
      awareness.on('change', changed);
      const stopReset = document.onReset(() => {
        awareness.off('change', changed);
        awareness = document.awareness;
        awareness.on('change', changed);
        changed();
      });
      return () => {
        awareness.off('change', changed);
        stopReset();
        this.#following = false;
        this.#peers = null;
        this.#signature = null;
      };
    });
  }

  /** Whether a reader follows the awareness now; only then is `#peers` kept up to date. */
  #following = false;
  /** The peers as last read, while someone follows them (null: read them afresh). */
  #peers: Peer[] | null = null;
  #signature: string | null = null;

  /** Every other client (tab) in the document. */
  get peers(): Peer[] {
    this.#subscribe();
    if (!this.#following) return peersOf(this.#document.awareness);
    if (this.#peers === null) {
      this.#peers = peersOf(this.#document.awareness);
      this.#signature = signatureOf(this.#peers);
    }
    return this.#peers;
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

/** What the page shows of the peers: each client, its person, colour and what it edits. */
function signatureOf(peers: readonly Peer[]): string {
  return JSON.stringify(
    peers.map((p) => [p.clientId, p.user.id, p.user.name, p.user.colour, p.editing]),
  );
}
