// The /analytics sections as their answers stream in (ANA30). The server sends the page's frame
// at once and each section when its queries finish; this holds what each section shows.
// - A section keeps what it shows until the next answer for it is whole (the page asks again
//   every few seconds, ANA28), so nothing blinks back to "loading".
// - Sections go on screen in the page's order, one per task, each after the one before was
//   painted: the quick sections at the bottom would otherwise be drawn first (growth is answered
//   in milliseconds, goals in a couple of hundred) and hold back the first screen's charts.
import { afterNextPaint } from '$lib/scheduling';
import { SECTION_NAMES, type DashboardSections, type SectionName } from './dashboards';

export class SectionState<T> {
  /** The answer on screen, once one came. */
  value = $state.raw<T | undefined>(undefined);
  /** The last answer failed and there is none to show. */
  failed = $state(false);
}

type Pending = { [K in SectionName]: Promise<DashboardSections[K]> };

export class StreamedSections {
  readonly goals = new SectionState<DashboardSections['goals']>();
  readonly oneOnOnes = new SectionState<DashboardSections['oneOnOnes']>();
  readonly calibration = new SectionState<DashboardSections['calibration']>();
  readonly growth = new SectionState<DashboardSections['growth']>();
  // Plain maps: bookkeeping nothing on screen reads (the states above are what it reads).
  /** The newest promise per section: an older answer arriving late is ignored. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #latest = new Map<SectionName, Promise<unknown>>();
  /** Answers come but not yet on screen. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #ready = new Map<SectionName, unknown>();
  #showing = false;
  #stopped = false;

  /** Shows each of `pending`'s sections when it comes. */
  follow(pending: Pending) {
    for (const name of SECTION_NAMES) this.#follow(name, pending[name]);
  }

  stop() {
    this.#stopped = true;
  }

  #follow<K extends SectionName>(name: K, promise: Promise<DashboardSections[K]>) {
    this.#latest.set(name, promise);
    const current = () => !this.#stopped && this.#latest.get(name) === promise;
    promise.then(
      (value) => {
        if (!current()) return;
        this.#ready.set(name, value);
        void this.#show();
      },
      () => {
        // A section whose answer failed keeps what it shows; the next refresh asks again.
        if (!current()) return;
        const state = this.#state(name);
        if (state.value === undefined) state.failed = true;
        void this.#show();
      },
    );
  }

  #state(name: SectionName): SectionState<unknown> {
    return this[name] as SectionState<unknown>;
  }

  /** Puts the answers come on screen, top to bottom, one per painted frame. A section never
   *  answered yet holds back those below it. */
  async #show() {
    if (this.#showing) return;
    this.#showing = true;
    try {
      for (;;) {
        const next = SECTION_NAMES.find((name) => this.#ready.has(name));
        const waiting = SECTION_NAMES.findIndex(
          (name) => this.#state(name).value === undefined && !this.#state(name).failed,
        );
        if (next === undefined || this.#stopped) return;
        if (waiting !== -1 && waiting < SECTION_NAMES.indexOf(next)) return;
        const value = this.#ready.get(next);
        this.#ready.delete(next);
        const state = this.#state(next);
        state.failed = false;
        if (state.value === value) continue; // the same answer as on screen (kept, +page.ts)
        state.value = value;
        await afterNextPaint();
      }
    } finally {
      this.#showing = false;
    }
  }
}
