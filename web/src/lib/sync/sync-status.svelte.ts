// The status of a synced document as reactive state, for the badge every surface shows (SC1).
import { createSubscriber } from 'svelte/reactivity';
import { describeStatus, stoppedForGood, type SyncState } from './status.ts';
import type { SyncedDocument } from './synced-document.ts';

export class SyncStatus {
  readonly #document: SyncedDocument;
  readonly #subscribe: () => void;

  constructor(document: SyncedDocument) {
    this.#document = document;
    this.#subscribe = createSubscriber((update) => document.onStatus(() => update()));
  }

  get current(): SyncState {
    this.#subscribe();
    return this.#document.status;
  }

  get label(): string {
    return describeStatus(this.current).label;
  }

  get detail(): string {
    return describeStatus(this.current).detail;
  }

  /** The server said this person may only read: editing controls should be off (SC9). */
  get readOnly(): boolean {
    this.#subscribe();
    return this.#document.readOnly;
  }

  /** True when edits can no longer reach the server (terminal close): make the surface read-only. */
  get stopped(): boolean {
    return stoppedForGood(this.current);
  }
}
