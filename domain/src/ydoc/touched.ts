// Which entries of a document's top-level maps a Yjs update touched, so that a kind's validator
// checks those entries rather than the whole document on every keystroke. From each
// transaction's `changed`: Yjs lists every type that existed before the transaction and changed
// (with the changed keys for maps), and a root always; a type created in the transaction is not
// listed, but its creation changed a type that existed, so walking up from every listed type to
// the root finds every entry touched. (The goal tree's goals/touched.ts is the same walk,
// specialised to its one root.)
import * as Y from 'yjs';

/** Any Yjs shared type, as Yjs itself types the keys of `transaction.changed`. */
export type SharedType = Parameters<Y.Transaction['changed']['get']>[0];

/** Root name → the keys of that root touched (`null`: list content, or a change to the root
 *  that is not under a key, e.g. text in a fragment). */
export type TouchedEntries = Map<string, Set<string | null>>;

function rootOf(type: SharedType): { root: SharedType; key: string | null } {
  let at = type;
  let key: string | null = null;
  while (at._item !== null && at._item.parent instanceof Y.AbstractType) {
    key = at._item.parentSub;
    at = at._item.parent;
  }
  return { root: at, key };
}

function nameOf(doc: Y.Doc, root: SharedType): string | null {
  for (const [name, candidate] of doc.share) if (candidate === root) return name;
  return null;
}

/** Root name → the types under it (or the root itself) whose content changed: what a rich-text
 *  check needs to look at (rich-text.ts, `richTextChangeIssues`). */
export type ChangedTypes = Map<string, Set<SharedType>>;

/** Adds what one transaction touched to `touched` (and the changed types to `types`). */
export function addTouched(
  touched: TouchedEntries,
  transaction: Y.Transaction,
  types?: ChangedTypes,
): void {
  for (const [type, keys] of transaction.changed) {
    const { root, key } = rootOf(type);
    const name = nameOf(transaction.doc, root);
    if (name === null) continue;
    if (types) {
      let changed = types.get(name);
      if (!changed) types.set(name, (changed = new Set()));
      changed.add(type);
    }
    let entries = touched.get(name);
    if (!entries) touched.set(name, (entries = new Set()));
    // A change inside an entry is that entry's; a change to the root itself names its keys.
    if (type !== root) entries.add(key);
    else for (const changed of keys) entries.add(changed);
  }
}

/** Everything the transactions of `doc` touch while `run` executes (applying one update can take
 *  more than one transaction when it completes pending structs). */
export function collectTouchedEntries(doc: Y.Doc, run: () => void): TouchedEntries {
  return collectTouched(doc, run).entries;
}

/** The entries `run` touches, and the types whose content it changed. */
export function collectTouched(
  doc: Y.Doc,
  run: () => void,
): { entries: TouchedEntries; types: ChangedTypes } {
  const entries: TouchedEntries = new Map();
  const types: ChangedTypes = new Map();
  const listen = (transaction: Y.Transaction) => addTouched(entries, transaction, types);
  doc.on('afterTransaction', listen);
  try {
    run();
  } finally {
    doc.off('afterTransaction', listen);
  }
  return { entries, types };
}
