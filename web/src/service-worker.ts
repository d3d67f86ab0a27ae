/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// The offline shell (SC8, SC12, SC13): a signed-in person can reload the app with the network off
// and keep working on the documents they opened before (their replicas are in IndexedDB; see
// lib/sync), from the very first visit on a device.
//
// - The build (every route's JS and CSS) and the static files are cached at install.
// - Pages (HTML) and their data (`__data.json`) go to the network first; each one served to a
//   signed-in person is kept, with its companion (the page's data, the data's page), and served
//   from the cache when the network fails. Rules and keys: lib/sync/offline-cache.ts.
// - On a device's first visit this worker installs while the page is open, so the page's own
//   requests go past it. It claims the open tabs when it activates, and every signed-in page
//   tells it what it shows after each navigation (lib/sync/keep-opened-pages.ts): the worker
//   fetches and keeps that page, its data and the files it loaded, if it lacks them.
// - Only same-origin GETs are ever answered from or written to the cache. The kept pages belong
//   to one person: signing in or out (a POST to those pages) forgets them, and so does a page
//   telling of another person than the one recorded, so nobody is shown another's pages.
// - Caches carry the build version; activating a new version deletes the old ones, since old
//   pages point at old build files.
import { build, files, version } from '$service-worker';
import {
  changesWhoIsSignedIn,
  dataKey,
  dataUrlOf,
  isDataRequest,
  isKeepable,
  isKeepableResource,
  pageKey,
  pageUrlOf,
  readOpenedPage,
  type OpenedPage,
} from '$lib/sync/offline-cache';
import { offlinePageHtml } from '$lib/shell/offline-page';

const sw = self as unknown as ServiceWorkerGlobalScope;

const SHELL_CACHE = `shell-${version}`;
const PAGES_CACHE = `pages-${version}`;
/** Holds one entry: the id of the person whose pages PAGES_CACHE holds. */
const OWNER_CACHE = `owner-${version}`;
const OWNER_KEY = new URL('/offline-pages-owner', sw.location.origin).href;
const SHELL = new Set([...build, ...files]);
/** Pages, data and files kept for offline use, oldest dropped first. */
const MAX_KEPT = 200;
/** Requests for files a page draws with; API fetches (destination '') are left alone. */
const FILE_DESTINATIONS = new Set<RequestDestination>(['image', 'font', 'style', 'script']);

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll([...SHELL])));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const current = new Set([SHELL_CACHE, PAGES_CACHE, OWNER_CACHE]);
      for (const key of await caches.keys()) {
        if (!current.has(key)) await caches.delete(key);
      }
      // Take the open tabs now: on a first visit their next requests (and reloads) come here.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const opened = readOpenedPage(event.data);
  if (opened) event.waitUntil(serially(() => keepOpened(opened)));
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.method === 'POST' && changesWhoIsSignedIn(url)) {
    event.waitUntil(serially(forgetKeptPages));
    return;
  }
  if (request.method !== 'GET') return;
  const keepable = !changesWhoIsSignedIn(url);
  if (SHELL.has(url.pathname)) {
    event.respondWith(fromShell(request));
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirst(event, pageKey(url), dataUrlOf(url), keepable, offlinePage));
  } else if (isDataRequest(url)) {
    // Without a kept copy, fail like the network did: SvelteKit shows its error page.
    event.respondWith(
      networkFirst(event, dataKey(url), pageUrlOf(url), keepable, () => Response.error()),
    );
  } else if (FILE_DESTINATIONS.has(request.destination)) {
    event.respondWith(
      fetch(request).catch(async () => (await kept(pageKey(url))) ?? Response.error()),
    );
  }
});

/**
 * Cache writes run one after another, so forgetting the pages at a sign-in or for another
 * person never interleaves with keeping a page (a half-done keep cannot outlive a forget).
 */
let writes: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = writes.then(task, task);
  writes = run.catch(() => undefined);
  return run;
}

async function fromShell(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: SHELL_CACHE })) ?? fetch(request);
}

/** Kept under the bare URL, so the request headers a Vary names cannot match: ignore Vary. */
async function kept(key: string): Promise<Response | undefined> {
  return caches.match(key, { cacheName: PAGES_CACHE, ignoreVary: true });
}

async function networkFirst(
  event: FetchEvent,
  key: string,
  companion: URL,
  keepable: boolean,
  offline: () => Response,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(event.request);
  } catch {
    return (await kept(key)) ?? offline();
  }
  if (keepable && isKeepable(response)) {
    const copy = response.clone();
    event.waitUntil(serially(() => keep(key, copy).then(() => keepIfMissing(companion))));
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
    if (await kept(key)) return;
    const response = await fetch(url, { credentials: 'same-origin' });
    if (isKeepable(response)) await keep(key, response);
  } catch {
    // Offline or refused: the page is kept the next time it is opened.
  }
}

async function keepFileIfMissing(url: URL) {
  try {
    if (await kept(pageKey(url))) return;
    const response = await fetch(url, { credentials: 'same-origin' });
    if (isKeepableResource(response)) await keep(pageKey(url), response);
  } catch {
    // As for pages: kept the next time.
  }
}

/** A signed-in page told what it shows (SC12): keep it, its data and its files, for its person. */
async function keepOpened(opened: OpenedPage) {
  const url = new URL(opened.url);
  if (url.origin !== sw.location.origin || changesWhoIsSignedIn(url)) return;
  await keepOnlyFor(opened.person);
  await keepIfMissing(url);
  await keepIfMissing(dataUrlOf(url));
  for (const resource of opened.resources) {
    const file = new URL(resource);
    if (file.origin === sw.location.origin && !SHELL.has(file.pathname) && !isDataRequest(file)) {
      await keepFileIfMissing(file);
    }
  }
}

/** Forgets the kept pages unless they are this person's (none recorded counts as another's). */
async function keepOnlyFor(person: string) {
  const owners = await caches.open(OWNER_CACHE);
  const owner = await (await owners.match(OWNER_KEY))?.text();
  if (owner === person) return;
  await caches.delete(PAGES_CACHE);
  await owners.put(OWNER_KEY, new Response(person));
}

async function forgetKeptPages() {
  await caches.delete(PAGES_CACHE);
  await caches.delete(OWNER_CACHE);
}

function offlinePage(): Response {
  return new Response(offlinePageHtml(), {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}
