// A window over a long list of fixed-height rows, on @tanstack/virtual-core: only the rows in
// (and just around) the viewport are rendered, so a 20,000-goal tree opened wide stays as light
// as a short one. The virtualizer's own state is mirrored into runes for the template.
import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualItem,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';

export class VirtualRows {
  items = $state<VirtualItem[]>([]);
  totalSize = $state(0);
  readonly #virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  readonly #options: VirtualizerOptions<HTMLElement, HTMLElement>;
  #element: HTMLElement | null = null;
  #rowHeight: number;

  constructor(rowHeight: number, overscan = 8) {
    this.#rowHeight = rowHeight;
    this.#options = {
      count: 0,
      getScrollElement: () => this.#element,
      estimateSize: () => this.#rowHeight,
      overscan,
      scrollToFn: elementScroll,
      observeElementRect,
      observeElementOffset,
      onChange: (instance) => this.#refresh(instance),
    };
    this.#virtualizer = new Virtualizer(this.#options);
  }

  /** Svelte attachment for the scrolling element. */
  readonly attach = (element: HTMLElement) => {
    this.#element = element;
    const unmount = this.#virtualizer._didMount();
    this.#virtualizer._willUpdate();
    this.#refresh(this.#virtualizer);
    return () => {
      unmount();
      this.#element = null;
    };
  };

  /** Call when the number of rows changes. */
  setCount(count: number) {
    this.#virtualizer.setOptions({ ...this.#options, count });
    this.#virtualizer._willUpdate();
    this.#refresh(this.#virtualizer);
  }

  /** Call when the rows' height changes (a two-line row at phone width): every row moves. */
  setRowHeight(rowHeight: number) {
    if (rowHeight === this.#rowHeight) return;
    this.#rowHeight = rowHeight;
    this.#virtualizer.measure();
    this.#virtualizer._willUpdate();
    this.#refresh(this.#virtualizer);
  }

  scrollToIndex(index: number) {
    this.#virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  #refresh(instance: Virtualizer<HTMLElement, HTMLElement>) {
    this.items = instance.getVirtualItems();
    this.totalSize = instance.getTotalSize();
  }
}
