// A value recomputed from the goal tree at most every `delayMs` while it is shown: with 20,000
// goals a panel's computation takes milliseconds, and typing in a title changes the document on
// every keystroke (the tree must stay under 16 ms a frame). The first computation after the panel
// opens is immediate; later ones follow the last change by at most `delayMs`.
import { untrack } from 'svelte';

export interface ThrottledOptions {
  /** Read on every change that should lead to a recomputation (a document version). */
  version: () => unknown;
  /** Compute only while true (the panel is open). */
  active: () => boolean;
  delayMs?: number;
}

export class Throttled<T> {
  current = $state.raw<T | null>(null);

  /** Create during component initialisation: it owns effects. */
  constructor(compute: () => T, options: ThrottledOptions) {
    const delay = options.delayMs ?? 400;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      timer = undefined;
      this.current = untrack(compute);
    };
    $effect(() => {
      options.version();
      if (!options.active()) {
        clearTimeout(timer);
        timer = undefined;
        this.current = null;
        return;
      }
      if (untrack(() => this.current) === null) refresh();
      else timer ??= setTimeout(refresh, delay);
    });
    $effect(() => () => clearTimeout(timer));
  }
}
