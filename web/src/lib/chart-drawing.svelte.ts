// When the charts of a page of many draw (ANA30). Drawing a LayerChart chart costs tens of
// milliseconds of main thread on this kind of machine, and /analytics holds over a dozen: drawn
// all at once after hydration they held the first screen back by more than a second. So the
// charts on screen draw first, as the page hydrates; the others one at a time in the
// page's idle time, top to bottom, each in a task of its own; and any chart that comes on screen
// before its turn (a scroll, a keyboard jump) draws at once. A chart's box keeps its size
// throughout, so nothing moves when it draws.
import { getContext, setContext } from 'svelte';
import { afterNextPaint, whenIdle } from './scheduling.ts';

/** One chart's turn: whether it may draw yet. */
export class ChartSlot {
  drawn = $state(false);
}

/** Every chart of a page, in the order they registered (the page's, top to bottom). */
export class ChartDrawing {
  #waiting: { slot: ChartSlot; element: Element }[] = [];
  #observer: IntersectionObserver | null = null;
  #draining = false;
  #stopped = false;

  /** Svelte attachment for a chart's box: the chart in it draws on screen or in its turn. */
  attach(slot: ChartSlot) {
    return (element: Element) => {
      if (slot.drawn) return;
      // On screen already (the page's first screen, as it hydrates): at once, not a frame later.
      if (typeof IntersectionObserver === 'undefined' || onScreen(element)) {
        slot.drawn = true;
        return;
      }
      this.#observer ??= new IntersectionObserver((entries) => this.#onScreen(entries));
      this.#waiting.push({ slot, element });
      this.#observer.observe(element);
      this.#drainSoon();
      return () => {
        this.#observer?.unobserve(element);
        this.#waiting = this.#waiting.filter((entry) => entry.element !== element);
      };
    };
  }

  stop() {
    this.#stopped = true;
    this.#observer?.disconnect();
    this.#waiting = [];
  }

  #onScreen(entries: IntersectionObserverEntry[]) {
    for (const entry of entries) {
      if (entry.isIntersecting) this.#draw(entry.target);
    }
  }

  #draw(element: Element) {
    const at = this.#waiting.findIndex((entry) => entry.element === element);
    if (at === -1) return;
    const [entry] = this.#waiting.splice(at, 1);
    this.#observer?.unobserve(element);
    entry!.slot.drawn = true;
  }

  /** The charts off screen, one per idle moment, after what is on screen has been painted. */
  #drainSoon() {
    if (this.#draining) return;
    this.#draining = true;
    const next = () => {
      void afterNextPaint().then(() =>
        whenIdle(() => {
          const first = this.#waiting[0];
          if (this.#stopped || first === undefined) {
            this.#draining = false;
            return;
          }
          this.#draw(first.element);
          next();
        }, 1_000),
      );
    };
    next();
  }
}

function onScreen(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return (
    box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth
  );
}

const DRAWING = Symbol('chart-drawing');
const SLOT = Symbol('chart-slot');

/** Makes `drawing` the charts' scheduler for the components under the caller. */
export function provideChartDrawing(drawing: ChartDrawing) {
  setContext(DRAWING, drawing);
}

/** The page's scheduler, if it has one (without one, a chart draws at once). */
export function chartDrawing(): ChartDrawing | undefined {
  return getContext<ChartDrawing | undefined>(DRAWING);
}

/** Gives the charts under the caller (a chart's card) their slot. */
export function provideChartSlot(slot: ChartSlot) {
  setContext(SLOT, slot);
}

const ALWAYS: { readonly drawn: boolean } = { drawn: true };

/** Whether the chart calling may draw: its card's slot, else always (a chart outside a page of
 *  many, such as the calibration board's). */
export function chartSlot(): { readonly drawn: boolean } {
  return getContext<ChartSlot | undefined>(SLOT) ?? ALWAYS;
}
