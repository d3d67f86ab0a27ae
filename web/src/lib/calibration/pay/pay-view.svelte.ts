// The Pay view's state (CAL82): the population's pay and the merit settings, fetched from the web
// server for a reader CAL76 allows (never from the board's document, which every participant
// holds whole), and the recommendations recomputed from the live board's cards on every change.
import type { Card } from '@threadline/domain/calibration/board';
import type { MeritSettings } from '@threadline/domain/calibration/merit/matrix';
import type { PayData } from '@threadline/domain/calibration/merit/pay';
import { meritSummary, type MeritSummary } from '@threadline/domain/calibration/merit/recommend';

export type PayLoad =
  | { kind: 'loading' }
  | { kind: 'refused'; message: string }
  | { kind: 'failed' }
  | { kind: 'ready'; pay: Record<string, PayData>; merit: MeritSettings };

export class PayView {
  load = $state<PayLoad>({ kind: 'loading' });
  readonly #url: string;

  constructor(sessionId: string) {
    this.#url = `/calibration/${sessionId}/pay`;
  }

  /** Fetches pay and settings again (on open, and when the tab comes back into view: a
   *  facilitator may have changed the matrix meanwhile). Nothing is kept by the browser. */
  async refresh(): Promise<void> {
    try {
      const response = await fetch(this.#url, { cache: 'no-store', credentials: 'same-origin' });
      if (response.status === 403 || response.status === 404) {
        const body = (await response.json().catch(() => ({}))) as { message?: string };
        this.load = { kind: 'refused', message: body.message ?? 'Pay is not shown to you.' };
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const body = (await response.json()) as {
        pay: Record<string, PayData>;
        merit: MeritSettings;
      };
      this.load = { kind: 'ready', pay: body.pay, merit: body.merit };
    } catch {
      // Offline or a server error: keep what is shown, say so only when nothing is.
      if (this.load.kind === 'loading') this.load = { kind: 'failed' };
    }
  }

  /** CAL74, CAL75: the recommendations for the cards as they sit now. */
  summary(cards: ReadonlyMap<string, Card>, personIds: readonly string[]): MeritSummary | null {
    const load = this.load;
    if (load.kind !== 'ready') return null;
    return meritSummary(
      personIds.map((personId) => ({
        personId,
        rating: cards.get(personId)?.current?.rating ?? null,
        pay: load.pay[personId] ?? null,
      })),
      load.merit.matrix,
      load.merit.budgetPercent,
    );
  }
}
