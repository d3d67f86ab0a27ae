// Which snapshot a client asks the sync server for (SYNC27, `GET /snapshot/<document>?part=…`):
// the whole document's, or only what the signed-in person's first screen needs (GOAL29). Named
// once for the server that checks the query and the page that writes it.

export const SNAPSHOT_PARTS = ['whole', 'first-screen'] as const;

export type SnapshotPart = (typeof SNAPSHOT_PARTS)[number];

export function isSnapshotPart(value: string): value is SnapshotPart {
  return (SNAPSHOT_PARTS as readonly string[]).includes(value);
}
