import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE_NAME } from '@threadline/db';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Secure everywhere except plain http on this machine, where browsers would drop a Secure cookie
 * and local development and tests could not sign in. Behind a TLS proxy, ORIGIN says https.
 */
function isSecure(url: URL): boolean {
  return url.protocol === 'https:' || !LOOPBACK_HOSTS.has(url.hostname);
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, url: URL) {
  cookies.set(SESSION_COOKIE_NAME, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(url),
    expires: expiresAt,
  });
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
  cookies.delete(SESSION_COOKIE_NAME, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(url),
  });
}
