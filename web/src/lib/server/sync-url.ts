// Where the browser reaches the sync server: its websockets, and its HTTP routes (the goal tree's
// snapshot, SYNC27), which the page's Content Security Policy lets it fetch from.
import { env } from '$env/dynamic/private';

/**
 * Where the browser opens sync websockets: SYNC_URL from the launcher, else the sync server on
 * the next port of this host, as `pnpm start` (PORT + 1) and `pnpm dev` (5173 + 1) run it.
 */
export function syncUrl(url: URL): string {
  if (env.SYNC_URL) return env.SYNC_URL;
  const webPort = Number(env.PORT || url.port || (url.protocol === 'https:' ? 443 : 80));
  const scheme = url.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${url.hostname}:${webPort + 1}`;
}

/** The sync server's HTTP origin (ws → http, wss → https). */
export function syncHttpOrigin(url: URL): string {
  return new URL(syncUrl(url).replace(/^ws/, 'http')).origin;
}

/**
 * `policy` (a Content-Security-Policy header) with the sync server's HTTP origin added to its
 * connect-src: svelte.config.js cannot name it (it depends on the request), and this adds just
 * that origin rather than every http: one.
 */
export function allowSyncFetches(policy: string, url: URL): string {
  const origin = syncHttpOrigin(url);
  return policy.replace(/connect-src ([^;]*)/, (_, sources: string) =>
    sources.split(' ').includes(origin)
      ? `connect-src ${sources}`
      : `connect-src ${sources} ${origin}`,
  );
}
