// Svelte 5 views of Yjs types: reading one inside an effect, a $derived or a template subscribes
// to the type, so the UI follows remote and local changes alike (SC7). Writes go straight to Yjs
// (and from there to IndexedDB and the server). Only read-tracking lives here; components stay thin.
//
// This is how a kind's state follows a small document: the 1:1 agenda's talking points (an
// array of maps, observed deeply), its meeting fields (a map), its shared notes (a text), with
// `LiveDoc` for the Y.Doc a refusal replaces (SC5). A reader re-runs on any change to what it
// reads, which costs nothing for an agenda's few dozen items; the goal tree (21,600 goals for the
// 5,000-person demo) keeps its own index instead, with per-goal versions (lib/goals).
import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import type { SyncedDocument } from './synced-document.ts';

export interface ObserveOptions {
  /** Also follow changes inside nested types (a map of maps, an array of maps). */
  deep?: boolean;
}

/** createSubscriber's start function for a Yjs type: `update` after every change to it. */
export function observeY(type: Y.AbstractType<unknown>, { deep = false }: ObserveOptions = {}) {
  return (update: () => void) => {
    const changed = () => update();
    if (deep) {
      type.observeDeep(changed);
      return () => type.unobserveDeep(changed);
    }
    type.observe(changed);
    return () => type.unobserve(changed);
  };
}

export class ReactiveYMap<T> {
  readonly y: Y.Map<T>;
  readonly #subscribe: () => void;

  constructor(map: Y.Map<T>, options?: ObserveOptions) {
    this.y = map;
    this.#subscribe = createSubscriber(observeY(map as Y.AbstractType<unknown>, options));
  }

  get size(): number {
    this.#subscribe();
    return this.y.size;
  }

  get(key: string): T | undefined {
    this.#subscribe();
    return this.y.get(key);
  }

  has(key: string): boolean {
    this.#subscribe();
    return this.y.has(key);
  }

  keys(): string[] {
    this.#subscribe();
    return [...this.y.keys()];
  }

  values(): T[] {
    this.#subscribe();
    return [...this.y.values()];
  }

  entries(): [string, T][] {
    this.#subscribe();
    return [...this.y.entries()];
  }

  toJSON(): Record<string, unknown> {
    this.#subscribe();
    return this.y.toJSON();
  }

  set(key: string, value: T) {
    this.y.set(key, value);
  }

  delete(key: string) {
    this.y.delete(key);
  }
}

export class ReactiveYArray<T> {
  readonly y: Y.Array<T>;
  readonly #subscribe: () => void;

  constructor(array: Y.Array<T>, options?: ObserveOptions) {
    this.y = array;
    this.#subscribe = createSubscriber(observeY(array as Y.AbstractType<unknown>, options));
  }

  get length(): number {
    this.#subscribe();
    return this.y.length;
  }

  get(index: number): T | undefined {
    this.#subscribe();
    return index >= 0 && index < this.y.length ? this.y.get(index) : undefined;
  }

  toArray(): T[] {
    this.#subscribe();
    return this.y.toArray();
  }

  toJSON(): unknown[] {
    this.#subscribe();
    return this.y.toJSON();
  }

  push(items: T[]) {
    this.y.push(items);
  }

  insert(index: number, items: T[]) {
    this.y.insert(index, items);
  }

  delete(index: number, length = 1) {
    this.y.delete(index, length);
  }
}

export class ReactiveYText {
  readonly y: Y.Text;
  readonly #subscribe: () => void;

  constructor(text: Y.Text) {
    this.y = text;
    this.#subscribe = createSubscriber(observeY(text as Y.AbstractType<unknown>));
  }

  get value(): string {
    this.#subscribe();
    return this.y.toString();
  }
}

export const reactiveYMap = <T>(map: Y.Map<T>, options?: ObserveOptions) =>
  new ReactiveYMap(map, options);
export const reactiveYArray = <T>(array: Y.Array<T>, options?: ObserveOptions) =>
  new ReactiveYArray(array, options);
export const reactiveYText = (text: Y.Text) => new ReactiveYText(text);

/**
 * The document's current Y.Doc, as a reactive value: a refusal replaces the Y.Doc (SC5), and
 * views built from it in a $derived are rebuilt on the new one:
 *
 *   const live = new LiveDoc(document);
 *   const goals = $derived(reactiveYMap(live.doc.getMap('goals'), { deep: true }));
 */
export class LiveDoc {
  readonly #document: SyncedDocument;
  readonly #subscribe: () => void;

  constructor(document: SyncedDocument) {
    this.#document = document;
    this.#subscribe = createSubscriber((update) => document.onReset(() => update()));
  }

  get doc(): Y.Doc {
    this.#subscribe();
    return this.#document.doc;
  }
}
