import { error, type Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { env } from '$env/dynamic/private';
import { SESSION_COOKIE_NAME, validateSessionToken } from '@threadline/db';
import { db } from '$lib/server/db';
import { serverLog } from '$lib/server/log';
import { REQUEST_ID_HEADER, requestIdOf } from '$lib/server/request-id';
import { handleUnexpectedErrors } from '$lib/server/unexpected-errors';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/session-cookie';
import { allowSyncFetches } from '$lib/server/sync-url';

/**
 * First of all, so every later step logs with the id. The response carries it too, except when a
 * later hook throws: SvelteKit then answers with its static error page, whose message has the id.
 */
const identifyRequest: Handle = async ({ event, resolve }) => {
  const requestId = requestIdOf(event.request.headers, env.TRUST_REQUEST_ID === '1');
  event.locals.requestId = requestId;
  event.locals.log = serverLog().child({ requestId });
  const response = await resolve(event);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF, second line: SvelteKit checks the Origin of form posts; this refuses any state-changing
 * request a browser marks as coming from another site, JSON endpoints included.
 */
const refuseCrossSiteWrites: Handle = ({ event, resolve }) => {
  if (
    STATE_CHANGING.has(event.request.method) &&
    event.request.headers.get('sec-fetch-site') === 'cross-site'
  ) {
    error(403, 'Cross-site requests are not allowed.');
  }
  return resolve(event);
};

const authenticate: Handle = async ({ event, resolve }) => {
  const token = event.cookies.get(SESSION_COOKIE_NAME);
  event.locals.person = null;
  event.locals.session = null;
  if (token) {
    const validated = await validateSessionToken(db(), token);
    if (validated) {
      event.locals.person = validated.person;
      event.locals.session = validated.session;
      if (validated.renewed) {
        setSessionCookie(event.cookies, token, validated.session.expiresAt, event.url);
      }
    } else {
      deleteSessionCookie(event.cookies, event.url);
    }
  }
  return resolve(event);
};

/** Headers the CSP in svelte.config.js does not cover. */
const securityHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  const headers = response.headers;
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  const policy = headers.get('Content-Security-Policy');
  if (policy) headers.set('Content-Security-Policy', allowSyncFetches(policy, event.url));
  if (event.url.protocol === 'https:') {
    headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  }
  if (event.locals.person) headers.set('Cache-Control', 'private, no-store');
  return response;
};

export const handle = sequence(
  identifyRequest,
  securityHeaders,
  refuseCrossSiteWrites,
  authenticate,
);

export const handleError = handleUnexpectedErrors(serverLog);
