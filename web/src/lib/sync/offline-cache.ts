// What the service worker keeps for offline use and under which key (SC8, SC12, SC13). A
// SvelteKit page comes two ways: as HTML (a full load or a reload) and as `__data.json` (a
// client-side navigation). Both are kept for each page a signed-in person opens, so a reload and a
// click in the app both work offline. Pure, so the rules are tested without a browser.

const DATA_SUFFIX = '/__data.json';
/** SvelteKit's query parameters on data requests (kit/src/runtime/shared.js). */
const INVALIDATED_PARAM = 'x-sveltekit-invalidated';
const TRAILING_SLASH_PARAM = 'x-sveltekit-trailing-slash';

export function isDataRequest(url: URL): boolean {
  return url.pathname.endsWith(DATA_SUFFIX);
}

/** A page's key: its address without the fragment. */
export function pageKey(url: URL): string {
  return `${url.origin}${url.pathname}${url.search}`;
}

/**
 * A data request's key, without the list of invalidated nodes: the response kept for one
 * navigation answers the next one to the same page offline (a response with every node, as
 * pages' companions are fetched, answers any list).
 */
export function dataKey(url: URL): string {
  const key = new URL(url);
  key.searchParams.delete(INVALIDATED_PARAM);
  return pageKey(key);
}

/** The data request that goes with a page: every node's data (no invalidation list). */
export function dataUrlOf(page: URL): URL {
  const data = new URL(page);
  data.hash = '';
  if (page.pathname.endsWith('/') && page.pathname !== '/') {
    data.searchParams.append(TRAILING_SLASH_PARAM, '1');
  }
  data.pathname = page.pathname.replace(/\/$/, '') + DATA_SUFFIX;
  return data;
}

/** The page a data request belongs to. */
export function pageUrlOf(data: URL): URL {
  const page = new URL(data);
  const trailingSlash = page.searchParams.has(TRAILING_SLASH_PARAM);
  page.searchParams.delete(INVALIDATED_PARAM);
  page.searchParams.delete(TRAILING_SLASH_PARAM);
  const path = page.pathname.slice(0, -DATA_SUFFIX.length);
  page.pathname = path === '' ? '/' : trailingSlash ? `${path}/` : path;
  return page;
}

/**
 * Kept only when served to a signed-in person: hooks.server.ts marks those responses
 * `Cache-Control: private, no-store` (no HTTP cache may keep them); the worker's cache is the
 * app's own offline copy, emptied at sign-out. Redirects (to sign-in, say) and errors never.
 */
export function isKeepable(response: Response): boolean {
  return (
    response.status === 200 &&
    response.type === 'basic' &&
    !response.redirected &&
    /\bprivate\b/.test(response.headers.get('cache-control') ?? '')
  );
}

/** A 200 same-origin response for an image, font, style or script the page loaded (SC12). */
export function isKeepableResource(response: Response): boolean {
  return response.status === 200 && response.type === 'basic' && !response.redirected;
}

/**
 * Signing in and out happen on these pages (AUTH9, invitations): a POST to one of them means the
 * next person may be someone else, so the kept pages are forgotten first (SC13). Their own pages
 * and data are never kept: what they say depends on who is signed in at that moment.
 */
export function changesWhoIsSignedIn(url: URL): boolean {
  const { pathname } = isDataRequest(url) ? pageUrlOf(url) : url;
  return pathname === '/login' || pathname === '/logout' || pathname.startsWith('/invite/');
}

/**
 * What a signed-in page tells the service worker after each navigation (SC12): the page it shows,
 * who it was served to, and the same-origin files it loaded. The worker may have installed during
 * this very visit, after the page's own requests went past it, so it fetches what it lacks.
 */
export interface OpenedPage {
  type: 'opened-page';
  url: string;
  person: string;
  resources: string[];
}

/** The message read through a shape check (anything else is ignored), or null. */
export function readOpenedPage(data: unknown): OpenedPage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, url, person, resources } = data as Record<string, unknown>;
  if (type !== 'opened-page' || typeof url !== 'string' || typeof person !== 'string') return null;
  if (!Array.isArray(resources) || !resources.every((r) => typeof r === 'string')) return null;
  return { type, url, person, resources };
}
