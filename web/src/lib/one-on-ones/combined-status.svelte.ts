// One status badge for a page that keeps several documents (the agenda, one's private notes, the
// mood): it shows the most pressing of their statuses, so "All changes saved" means every change
// on the page is acknowledged by the server (SC1). A document this person may only read (the
// manager's view of the mood) counts as saved while the page's lead document is writable.
import { describeStatus, type SyncState, type SyncStateKind } from '$lib/sync/status';
import type { SyncStatus } from '$lib/sync/sync-status.svelte';

const URGENCY: Record<SyncStateKind, number> = {
  saved: 0,
  'read-only': 0,
  saving: 1,
  connecting: 2,
  'save-delayed': 3,
  offline: 3,
  refused: 4,
  unauthorized: 5,
  forbidden: 5,
  'not-found': 5,
  failed: 5,
};

/** The status to show for a lead document's and its companions' states. */
export function combineStatuses(lead: SyncState, others: readonly SyncState[]): SyncState {
  let shown = lead;
  for (const state of others) {
    if (state.kind === 'read-only') continue;
    // A companion this person may no longer open (a former manager's view of the employee's
    // development plan, ONE41) leaves the page; the lead document says what the page can do.
    if ((state.kind === 'forbidden' || state.kind === 'not-found') && lead.kind !== 'forbidden')
      continue;
    if (URGENCY[state.kind] > URGENCY[shown.kind]) shown = state;
  }
  return shown;
}

export class CombinedSyncStatus {
  readonly #lead: SyncStatus;
  readonly #others: readonly SyncStatus[];

  constructor(lead: SyncStatus, others: readonly SyncStatus[]) {
    this.#lead = lead;
    this.#others = others;
  }

  get current(): SyncState {
    return combineStatuses(
      this.#lead.current,
      this.#others.map((status) => status.current),
    );
  }

  get label(): string {
    return describeStatus(this.current).label;
  }

  get detail(): string {
    return describeStatus(this.current).detail;
  }
}
