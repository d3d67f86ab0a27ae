// Every request gets an id: it goes in each of the request's log lines, in the `x-request-id`
// response header, and on an error page, so what a person quotes finds the log line.
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Printable, short, and nothing that could split or forge a log line. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The request's id: the one a proxy in front of us gave it when that proxy is trusted (anyone can
 * send the header, and an id chosen by a client could pass for another request's), else a new one.
 */
export function requestIdOf(headers: Headers, trustHeader: boolean): string {
  const given = trustHeader ? headers.get(REQUEST_ID_HEADER) : null;
  return given && WELL_FORMED.test(given) ? given : randomUUID();
}
