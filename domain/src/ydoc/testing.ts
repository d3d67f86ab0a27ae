// Helpers for tests of any collaborative document: replicas with fixed client ids, syncing them,
// the updates a client sends, and a schema's issues as readable lines.
import * as Y from 'yjs';
import type { z } from 'zod';

/** A replica with a fixed Yjs client id (tie-breaks between concurrent edits depend on it). */
export function replica(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  return doc;
}

/** Sends everything `from` has that `to` lacks. */
export function syncOneWay(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

export function syncBoth(a: Y.Doc, b: Y.Doc): void {
  syncOneWay(a, b);
  syncOneWay(b, a);
}

export function syncAll(docs: readonly Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) syncOneWay(a, b);
}

/** What a client `clientId`, in sync with `server`, sends after making `change`. */
export function clientUpdate(
  server: Y.Doc,
  clientId: number,
  change: (client: Y.Doc) => void,
): Uint8Array {
  const client = replica(clientId);
  syncOneWay(server, client);
  const vector = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, vector);
}

/**
 * What a client `clientId`, in sync with `server`, sends for `second` without `first`, made just
 * before it: an update that depends on a change the server never saw.
 */
export function updateWithoutItsPredecessor(
  server: Y.Doc,
  clientId: number,
  first: (client: Y.Doc) => void,
  second: (client: Y.Doc) => void,
): Uint8Array {
  const client = replica(clientId);
  syncOneWay(server, client);
  first(client);
  const vector = Y.encodeStateVector(client);
  second(client);
  return Y.encodeStateAsUpdate(client, vector);
}

/** "path: message" for each issue `schema` finds in `value`, or [] when it matches. */
export function schemaIssues(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
