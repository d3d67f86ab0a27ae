/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// The offline shell (SC8): a signed-in person can reload the app with the network off and keep
// working on the documents they opened before (their replicas are in IndexedDB; see lib/sync).
//
// - The build (every route's JS and CSS) and the static files are cached at install.
// - Pages (HTML) and their data (`__data.json`) go to the network first; each one served to a
//   signed-in person is kept, with its companion (the page's data, the data's page), and served
//   from the cache when the network fails. Rules and keys: lib/sync/offline-cache.ts.
// - Only same-origin GETs are ever answered from or written to the cache. Signing out empties
//   the page cache, so the next person on this browser cannot read it offline.
// - Caches carry the build version; activating a new version deletes the old ones, since old
//   pages point at old build files.
import { build, files, version } from '$service-worker';
import {
  dataKey,
  dataUrlOf,
  isDataRequest,
  isKeepable,
  pageKey,
  pageUrlOf,
} from '$lib/sync/offline-cache';
import { offlinePageHtml } from '$lib/shell/offline-page';

const sw = self as unknown as ServiceWorkerGlobalScope;

const SHELL_CACHE = `shell-${version}`;
const PAGES_CACHE = `pages-${version}`;
const SHELL = new Set([...build, ...files]);
/** Pages and data responses kept for offline use, oldest dropped first. */
const MAX_KEPT = 200;
const SIGN_OUT_PATH = '/logout';

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll([...SHELL])));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key !== SHELL_CACHE && key !== PAGES_CACHE) await caches.delete(key);
      }
      // Take the open tabs now and keep the pages they show: the very first visit happened
      // before this worker existed, and a reload with the network off should still work.
      await sw.clients.claim();
      const windows = await sw.clients.matchAll({ type: 'window' });
      await Promise.all(
        windows.map(async (client) => {
          const url = new URL(client.url);
          await keepIfMissing(url);
          await keepIfMissing(dataUrlOf(url));
        }),
      );
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.method === 'POST' && url.pathname === SIGN_OUT_PATH) {
    event.waitUntil(caches.delete(PAGES_CACHE));
    return;
  }
  if (request.method !== 'GET') return;
  if (SHELL.has(url.pathname)) {
    event.respondWith(fromShell(request));
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirst(event, pageKey(url), dataUrlOf(url), offlinePage));
  } else if (isDataRequest(url)) {
    // Without a kept copy, fail like the network did: SvelteKit shows its error page.
    event.respondWith(networkFirst(event, dataKey(url), pageUrlOf(url), () => Response.error()));
  }
});

async function fromShell(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: SHELL_CACHE })) ?? fetch(request);
}

async function networkFirst(
  event: FetchEvent,
  key: string,
  companion: URL,
  offline: () => Response,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(event.request);
  } catch {
    // Kept under the bare URL, so the request headers a Vary names cannot match: ignore Vary.
    const kept = await caches.match(key, { cacheName: PAGES_CACHE, ignoreVary: true });
    return kept ?? offline();
  }
  if (isKeepable(response)) {
    event.waitUntil(keep(key, response.clone()).then(() => keepIfMissing(companion)));
  }
  return response;
}

async function keep(key: string, response: Response) {
  const cache = await caches.open(PAGES_CACHE);
  await cache.put(key, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_KEPT))) await cache.delete(old);
}

/** Fetches and keeps a page or data response not kept yet (the companion of one just kept). */
async function keepIfMissing(url: URL) {
  const key = isDataRequest(url) ? dataKey(url) : pageKey(url);
  try {
    if (await caches.match(key, { cacheName: PAGES_CACHE, ignoreVary: true })) return;
    const response = await fetch(url, { credentials: 'same-origin' });
    if (isKeepable(response)) await keep(key, response);
  } catch {
    // Offline or refused: the companion is kept the next time the page is opened.
  }
}

function offlinePage(): Response {
  return new Response(offlinePageHtml(), {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}
