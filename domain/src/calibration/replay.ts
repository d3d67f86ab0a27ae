// CAL26: the board as it was at any moment of the session, from its update log (the goal tree's
// "as of" does the same): every update received at or before that moment, applied in order.
import * as Y from 'yjs';

export interface LoggedUpdate {
  receivedAt: Date;
  update: Uint8Array;
}

/** A replica holding the updates received at or before `at`. */
export function replicaAsOf(log: readonly LoggedUpdate[], at: Date): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const row of log) if (row.receivedAt <= at) Y.applyUpdate(doc, row.update);
  });
  return doc;
}

/** The moments at which the board changed, oldest first, each once: the replay slider's stops. */
export function timelineOf(log: readonly LoggedUpdate[]): Date[] {
  const times = [...new Set(log.map((row) => row.receivedAt.getTime()))].sort((a, b) => a - b);
  return times.map((time) => new Date(time));
}

/** The document the updates make, in order (a snapshot first, when the log has one). */
export function replicaFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
