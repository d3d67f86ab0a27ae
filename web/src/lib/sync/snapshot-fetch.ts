// A document's snapshot from the sync server (SYNC27), for a device with no copy of the document
// yet: the page draws from it while the document itself syncs (SC10). For the goal tree, its
// first screen (GOAL29) is asked for beside the whole: a small fraction of its size
// (BENCHMARKS.md, "The first screen first"), it is drawn while the whole is still on its way.

/** `'whole'`, or one of the views the document's kind offers (SYNC27; the goal tree's
 *  `first-screen`). */
export type SnapshotPart = string;

/**
 * How long a first visit waits for the snapshot before syncing the document without it: well
 * inside the 3 s the client waits for its replica (SC4), which includes this wait.
 */
const FETCH_TIMEOUT_MS = 1_500;

/** Where the sync server answers a snapshot (SYNC27): ws://host:port → http://host:port/snapshot/…. */
export function snapshotUrl(syncUrl: string, documentName: string, part: SnapshotPart): string {
  const base = syncUrl.replace(/^ws/, 'http').replace(/\/+$/, '');
  const query = part === 'whole' ? '' : `?part=${part}`;
  return `${base}/snapshot/${documentName}${query}`;
}

export interface SnapshotRequest {
  syncUrl: string;
  documentName: string;
  part: SnapshotPart;
  /** Names the User Timing measure, `<measureAs>:snapshot-fetched:<part>` (DevTools, benchmarks). */
  measureAs: string;
}

/**
 * The snapshot text, or null when the server has none, refuses, or does not answer in time. The
 * request is the one a page's `<link rel="preload">` makes (same address, credentials included),
 * so it takes that answer when the preload started it first.
 */
export async function fetchSnapshot({
  syncUrl,
  documentName,
  part,
  measureAs,
}: SnapshotRequest): Promise<string | null> {
  const started = performance.now();
  const answer = fetch(snapshotUrl(syncUrl, documentName, part), { credentials: 'include' })
    .then(async (response) => {
      if (!response.ok) return null;
      const text = await response.text();
      performance.measure(`${measureAs}:snapshot-fetched:${part}`, {
        start: started,
        end: performance.now(),
      });
      return text;
    })
    .catch(() => null); // offline: the document syncs as it would without
  // A slow answer is not waited for, but not aborted either: an aborted request is an error in
  // every console (ERR_ABORTED) for a few kilobytes saved; its late answer is simply dropped.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>(
    (resolve) => (timer = setTimeout(resolve, FETCH_TIMEOUT_MS, null)),
  );
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}
