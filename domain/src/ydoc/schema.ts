// Zod adapters for Yjs types, so a document kind writes its schema the way it writes any other
// (GOAL2 is one). A server checks a client's update on the Yjs values themselves, never on a
// tolerant read of them: a tampered client can put any Yjs type under any key, and content of a
// kind that its reader never looks at (list items in a Y.Map, keys in a Y.Array) would still be
// stored, synced and grown without limit. Rich text (Y.XmlFragment) is in rich-text.ts.
import * as Y from 'yjs';
import { z } from 'zod';

/** The Yjs shared types a document can hold. */
export type YSharedType =
  Y.Map<unknown> | Y.Array<unknown> | Y.Text | Y.XmlFragment | Y.XmlElement | Y.XmlText;

/** The class an update decodes a shared type to. */
type YTypeClass<T> = abstract new (...args: never[]) => T;

/**
 * Whether `value` is exactly a `type`, not a subclass of it: a Y.XmlText is a Y.Text, a
 * Y.XmlHook a Y.Map and a Y.XmlElement a Y.XmlFragment, yet each reads differently, and an update
 * names the exact type it creates.
 */
export function isYType<T>(value: unknown, type: YTypeClass<T>): value is T {
  return value instanceof type && (value as object).constructor === type;
}

/**
 * Whether a Yjs type holds content its kind never reads: list items in a Y.Map, keys (attributes)
 * in a Y.Array, Y.Text or Y.XmlFragment. A Y.XmlElement uses both (attributes and children), so
 * nothing in it is stray; a Y.XmlText's attributes are checked by rich-text.ts.
 */
export function hasStrayContent(type: YSharedType): boolean {
  if (type instanceof Y.Map) return type._start !== null;
  if (type instanceof Y.XmlElement) return false;
  return type._map.size > 0;
}

/**
 * Whether a Y.Map holds more than `max` entries. Y.Map's `size` walks every entry; its keys
 * (deleted ones too) bound it at no cost, so the walk happens only near the limit and a judged
 * update does not count a long document's entries each time.
 */
export function hasMoreEntriesThan<T>(map: Y.Map<T>, max: number): boolean {
  return map._map.size > max && map.size > max;
}

/** Exactly a `type` with nothing stray in it; `name` is how issues spell the type. */
function yType<T extends YSharedType>(type: YTypeClass<T>, name: string, stray: string) {
  return z
    .custom<T>((value) => isYType(value, type), { error: `Expected a ${name}.` })
    .refine((value) => !hasStrayContent(value), stray);
}

/** A Y.Map whose entries match `shape` exactly: every key known, none missing unless optional. */
export function yMap<T extends z.core.$ZodShape>(shape: T) {
  return yType(Y.Map<unknown>, 'Y.Map', 'Unexpected list content in a map.')
    .transform((map) => Object.fromEntries(map.entries()))
    .pipe(z.strictObject(shape));
}

/**
 * A Y.Map used as a record (ids → values, e.g. a series' meetings by id): at most `max` entries,
 * each key matching `key` and each value `value`. The count is checked before the entries.
 */
export function yRecord<K extends z.core.$ZodRecordKey, V extends z.ZodType>(
  key: K,
  value: V,
  { max }: { max: number },
) {
  return yType(Y.Map<unknown>, 'Y.Map', 'Unexpected list content in a map.')
    .refine((map) => map.size <= max, `At most ${max} entries.`)
    .transform((map) => Object.fromEntries(map.entries()))
    .pipe(z.record(key, value));
}

/** A Y.Array of `min` to `max` items, each matching `item`. The length is checked first. */
export function yArray<T extends z.ZodType>(
  item: T,
  { min = 0, max }: { min?: number; max: number },
) {
  return yType(Y.Array<unknown>, 'Y.Array', 'Unexpected keys in a list.')
    .refine((list) => list.length <= max, `At most ${max} items.`)
    .transform((list) => list.toArray())
    .pipe(z.array(item).min(min).max(max));
}

/** Plain text in a Y.Text of at most `max` characters: no formatting, no embeds (a title is a
 *  string, not a document). */
export function yPlainText(max: number) {
  return yType(Y.Text, 'Y.Text', 'Unexpected keys in a text.')
    .refine(
      (text) =>
        text.toDelta().every((op: { insert?: unknown; attributes?: unknown }) => {
          return typeof op.insert === 'string' && op.attributes === undefined;
        }),
      'Expected plain text.',
    )
    .refine((text) => text.length <= max, `At most ${max} characters.`);
}
