// An open development plan (ONE41): its document, kept on this device and synced like every
// other (SC1–SC5), its status, and the reactive view over the current Y.Doc (rebuilt after a
// refusal reset). The 1:1 page opens one beside the agenda (OneOnOneSession); the person page
// opens one of its own.
import { toast } from 'svelte-sonner';
import type { Skill } from '@threadline/domain/development/model';
import type { SyncedDocument } from '$lib/sync/synced-document';
import { SyncStatus } from '$lib/sync/sync-status.svelte';
import { PlanView } from './plan-view.svelte.ts';

export interface PlanSessionOptions {
  me: string;
  today: string;
  skills: readonly Skill[];
}

export class DevelopmentPlanSession {
  readonly document: SyncedDocument;
  readonly status: SyncStatus;
  view: PlanView = $state()!;
  /** The stored replica is in (or there was none). */
  loaded = $state(false);
  readonly #options: PlanSessionOptions;
  readonly #stops: (() => void)[] = [];

  constructor(document: SyncedDocument, options: PlanSessionOptions) {
    this.document = document;
    this.#options = options;
    this.status = new SyncStatus(document);
    this.view = this.#viewOf();
    this.#stops.push(
      document.onReset(() => (this.view = this.#viewOf())),
      document.onRefused((reason) => {
        toast.error('The server did not accept a change', {
          description: `${reason}. This device was brought back to the saved development plan.`,
        });
      }),
    );
    void document.whenLoaded().then(() => (this.loaded = true));
  }

  /** Whether edit controls show: the socket is neither read-only nor closed. */
  get editable(): boolean {
    return !this.status.readOnly && !this.status.stopped;
  }

  #viewOf(): PlanView {
    return new PlanView({ doc: this.document.doc, ...this.#options });
  }

  async destroy() {
    for (const stop of this.#stops) stop();
    await this.document.destroy();
  }
}
