// Folds Yjs updates into one, through a Y.Doc rather than Y.mergeUpdates: the doc garbage-collects
// deleted content, so a snapshot is as small as the document it holds. Updates whose dependencies
// are missing stay in the result (Yjs encodes pending structs too), so folding never loses any.
import * as Y from 'yjs';

export function mergeToState(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
