// SvelteKit's handleError: what a person sees of an error nobody anticipated, and its log line.
// The page never gets the error's message or stack (they can name tables, queries, files and
// addresses): it gets a generic sentence and the request id to quote; the log gets the rest.
import { randomUUID } from 'node:crypto';
import type { HandleServerError } from '@sveltejs/kit';
import type { Logger } from 'pino';

export function unexpectedErrorMessage(requestId: string): string {
  return `Something went wrong on our side. If it keeps happening, quote request ${requestId}.`;
}

export function handleUnexpectedErrors(fallbackLog: () => Logger): HandleServerError {
  // SvelteKit may hand the same error over more than once (a failed render, then its error page).
  const logged = new WeakSet<object>();
  return ({ error, event, status, message }) => {
    // Empty when SvelteKit failed before the hooks' handle ran (matching the route, say).
    const locals: Partial<App.Locals> = event.locals;
    const requestId = locals.requestId ?? randomUUID();
    // Below 500 it is SvelteKit's own answer to the request (no such route, method not allowed),
    // and its message is its own, not the error's.
    if (status < 500) return { message, requestId };
    const log = locals.log ?? fallbackLog().child({ requestId });
    if (typeof error !== 'object' || error === null || !logged.has(error)) {
      if (typeof error === 'object' && error !== null) logged.add(error);
      log.error(
        { err: error, status, method: event.request.method, path: event.url.pathname },
        'unexpected error',
      );
    }
    return { message: unexpectedErrorMessage(requestId), requestId };
  };
}
