// Which documents this browser keeps a drawn view of (SC10), told to the server in a cookie: a
// page preloads a document's snapshot (SYNC27) only for a device that has no view of its own to
// draw, since a preload the page never reads is a request wasted and a console warning. The
// cookie can be wrong the other way (a view dropped with its replica): the page then fetches the
// snapshot itself, a moment later than a preload would have.

export const CACHED_VIEWS_COOKIE = 'threadline-cached-views';
/** Enough for a person's few documents on one device; the oldest are forgotten first. */
const MAX_ENTRIES = 12;
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The key of a person's view of a document, as the replica store scopes it. */
export function cachedViewKey(personId: string, documentName: string): string {
  return `${personId}/${documentName}`;
}

export function parseCachedViews(cookie: string | undefined): string[] {
  return (cookie ?? '').split(' ').filter((key) => key !== '');
}

/** Whether the cookie's value says this browser keeps a view of `key`. */
export function hasCachedView(cookie: string | undefined, key: string): boolean {
  return parseCachedViews(cookie).includes(key);
}

/** The cookie's value with `key` remembered (most recent last). */
export function withCachedView(cookie: string | undefined, key: string): string {
  const keys = parseCachedViews(cookie).filter((known) => known !== key);
  keys.push(key);
  return keys.slice(-MAX_ENTRIES).join(' ');
}

/** Remembers in this browser's cookie that a view of `key` is kept (browser only). */
export function rememberCachedView(key: string) {
  if (typeof document === 'undefined' || typeof document.cookie !== 'string') return;
  const current = readCookie(document.cookie, CACHED_VIEWS_COOKIE);
  if (hasCachedView(current, key)) return;
  const value = encodeURIComponent(withCachedView(current, key));
  document.cookie = `${CACHED_VIEWS_COOKIE}=${value}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
}

function readCookie(cookies: string, name: string): string | undefined {
  for (const pair of cookies.split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
