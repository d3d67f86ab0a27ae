import pg from 'pg';

// DATE columns stay 'YYYY-MM-DD' strings: turning them into JS Dates shifts them by the local
// time zone, and a hire date or a cycle end is a calendar day, not an instant.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// NUMERIC arrives as a string to keep precision; our numerics (pay-range position) fit a double.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
/** Anything that can run a parameterised query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

/**
 * How long the pool waits on the database before giving up. Without them an outage that drops
 * packets silently (no reset) leaves a connection attempt or an in-flight query waiting forever,
 * and the save behind it never fails, so it is never retried (SYNC31).
 */
export interface PoolTimeouts {
  /** Opening a connection, and waiting for a free one when the pool is full. */
  connectMs: number;
  /**
   * Longest statement, enforced by the server (`statement_timeout`) and, a second later, by the
   * client too: a server out of reach cannot report its own timeout. 0: none.
   */
  statementMs: number;
  /** TCP keepalive on every connection, so the kernel notices a peer that went silent while
   *  the connection was idle (a LISTEN connection is idle for hours). */
  keepAliveDelayMs: number;
}

export const DEFAULT_POOL_TIMEOUTS: PoolTimeouts = {
  connectMs: 5_000,
  statementMs: 30_000,
  keepAliveDelayMs: 10_000,
};

/** DEFAULT_POOL_TIMEOUTS with the environment's overrides (DATABASE_CONNECT_TIMEOUT_MS,
 *  DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_KEEPALIVE_MS). */
export function poolTimeoutsFromEnv(env: Record<string, string | undefined>): PoolTimeouts {
  const read = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0) {
      throw new Error(`${name} must be a whole number of milliseconds, not "${value}"`);
    }
    return number;
  };
  return {
    connectMs: read('DATABASE_CONNECT_TIMEOUT_MS', DEFAULT_POOL_TIMEOUTS.connectMs),
    statementMs: read('DATABASE_STATEMENT_TIMEOUT_MS', DEFAULT_POOL_TIMEOUTS.statementMs),
    keepAliveDelayMs: read('DATABASE_KEEPALIVE_MS', DEFAULT_POOL_TIMEOUTS.keepAliveDelayMs),
  };
}

/** The client-side deadline of a query: the server's own timeout comes first when it can. */
const CLIENT_GRACE_MS = 1_000;

export function createPool(
  connectionString: string,
  max = 10,
  timeouts: Partial<PoolTimeouts> = {},
): pg.Pool {
  const { connectMs, statementMs, keepAliveDelayMs } = {
    ...poolTimeoutsFromEnv(process.env),
    ...timeouts,
  };
  const pool = new pg.Pool({
    connectionString,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: connectMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: keepAliveDelayMs,
    ...(statementMs > 0
      ? { statement_timeout: statementMs, query_timeout: statementMs + CLIENT_GRACE_MS }
      : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/** Runs `work` in a transaction, committing on success and rolling back on any error. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let result: T;
  try {
    await client.query('BEGIN');
    result = await work(client);
    await client.query('COMMIT');
  } catch (error) {
    // A client whose ROLLBACK fails (its server unreachable, a query timed out) is broken:
    // released with the error, the pool discards it instead of handing it out again.
    const rolledBack = await client.query('ROLLBACK').then(
      () => true,
      () => false,
    );
    client.release(rolledBack ? undefined : (error as Error));
    throw error;
  }
  client.release();
  return result;
}
