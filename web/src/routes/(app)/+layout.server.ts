import { redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';

/** Every page under (app) requires a signed-in person; others go to sign-in and come back. */
export function load({ locals, url }) {
  if (!locals.person) {
    redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return { person: locals.person, syncUrl: syncUrl(url) };
}

/**
 * Where the browser opens sync websockets: SYNC_URL from the launcher, else the sync server on
 * the next port of this host, as `pnpm start` (PORT + 1) and `pnpm dev` (5173 + 1) run it.
 */
function syncUrl(url: URL): string {
  if (env.SYNC_URL) return env.SYNC_URL;
  const webPort = Number(env.PORT || url.port || (url.protocol === 'https:' ? 443 : 80));
  const scheme = url.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${url.hostname}:${webPort + 1}`;
}
