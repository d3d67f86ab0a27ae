// Whether an error says the database was out of reach for a while — rather than that the work
// that met it was wrong. The same work tried again later may well succeed after the first kind
// (ONE50 retries a check-in's apply without counting it as a failed attempt); after the second,
// it fails the same way every time.
//
// Out of reach: the way to the server (a connection refused, reset or cut; no free connection in
// the pool in time), the server itself (shutting down, starting, out of connections or memory), or
// a statement given up on because the server was too busy (a statement or lock timeout, a
// deadlock or serialization conflict with other work). Everything else — a constraint, a value a
// column refuses, a query that does not parse, any error that is not the database's — is about the
// work, so an error nobody foresaw counts against it and cannot be retried forever.

/** SQLSTATE classes (PostgreSQL, Appendix A) whose every error is the database's state. */
const UNAVAILABLE_CLASSES = new Set([
  '08', // connection exception
  '53', // insufficient resources: too many connections, out of memory, disk full
]);

/** SQLSTATEs of other classes that say the same. */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown: the server is stopping, or the connection was terminated
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting or recovering
  '57P05', // idle_session_timeout
  '57014', // query_canceled: statement_timeout, or a cancel request
  '55P03', // lock_not_available: lock_timeout
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '25P03', // idle_in_transaction_session_timeout
]);

/** Node's codes for a network that failed the connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What node-postgres (pg 8, pg-pool 3) throws, without a code, when a connection is not there. */
const CLIENT_MESSAGES = new Set([
  'timeout exceeded when trying to connect', // no free connection in the pool in time
  'Connection terminated due to connection timeout',
  'Connection terminated unexpectedly',
  'Connection terminated',
  'timeout expired',
  'Query read timeout', // the client's own deadline (query_timeout)
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
]);

/** True when `error` says the database was out of reach, not that the work was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Node's connect to every address of a host: out of reach when each attempt was.
  if (error instanceof AggregateError && error.errors.length > 0) {
    if (error.errors.every(isDatabaseUnavailable)) return true;
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || UNAVAILABLE_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_CLASSES.has(code.slice(0, 2))) return true;
  }
  if (CLIENT_MESSAGES.has(error.message)) return true;
  return error.cause !== undefined && isDatabaseUnavailable(error.cause);
}
