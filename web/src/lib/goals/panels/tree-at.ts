// The whole goal tree as it was at a chosen moment (GOAL25), fetched from the server's document log
// and read with the same tree readers as the live one.
import * as Y from 'yjs';
import { readTree, type GoalTreeSnapshot } from '@threadline/domain/goals/document';

/** Where the browser asks for it (routes/(app)/goals/history/at/+server.ts). */
export function treeAtUrl(documentName: string, at: Date): string {
  const query = new URLSearchParams({ document: documentName, at: at.toISOString() });
  return `/goals/history/at?${query}`;
}

/** Reads a state the server sent; null for "did not exist yet" (no content). */
export function readStateAt(state: Uint8Array | null): GoalTreeSnapshot | null {
  if (state === null || state.length === 0) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readTree(doc);
  } finally {
    doc.destroy();
  }
}

export async function fetchTreeAt(
  documentName: string,
  at: Date,
  fetcher: typeof fetch = fetch,
): Promise<GoalTreeSnapshot | null> {
  const response = await fetcher(treeAtUrl(documentName, at));
  if (response.status === 204) return null;
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  return readStateAt(new Uint8Array(await response.arrayBuffer()));
}

/** The end of a chosen calendar day (UTC), so "as of 1 Sep" includes what happened that day. */
export function endOfDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000 - 1);
}
