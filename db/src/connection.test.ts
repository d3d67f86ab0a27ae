import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import {
  createPool,
  DEFAULT_POOL_TIMEOUTS,
  inTransaction,
  poolTimeoutsFromEnv,
} from './connection.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

async function withPool<T>(
  timeouts: Parameters<typeof createPool>[2],
  use: (pool: ReturnType<typeof createPool>) => Promise<T>,
): Promise<T> {
  const pool = createPool(db.url, 2, timeouts);
  try {
    return await use(pool);
  } finally {
    await pool.end();
  }
}

describe('pool timeouts', () => {
  it('[SYNC31] gives every connection the statement timeout, 30 s unless told otherwise', async () => {
    const shown = async (timeouts: Parameters<typeof createPool>[2]) =>
      withPool(timeouts, async (pool) => {
        const { rows } = await pool.query<{ statement_timeout: string }>('SHOW statement_timeout');
        return rows[0]!.statement_timeout;
      });
    expect(await shown({ statementMs: DEFAULT_POOL_TIMEOUTS.statementMs })).toBe('30s');
    expect(await shown({ statementMs: 600_000 })).toBe('10min');
    expect(await shown({ statementMs: 0 })).toBe('0');
  });

  it('[SYNC31] fails a statement that runs past the timeout instead of waiting on', async () => {
    await withPool({ statementMs: 200 }, async (pool) => {
      const started = Date.now();
      await expect(pool.query('SELECT pg_sleep(5)')).rejects.toThrow(/statement timeout/);
      expect(Date.now() - started).toBeLessThan(2000);
      // The pool carries on with the next statement.
      expect((await pool.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
    });
  });

  it('[SYNC31] rolls a failed transaction back and hands the healthy connection out again', async () => {
    await withPool({ statementMs: 200 }, async (pool) => {
      await expect(
        inTransaction(pool, (client) => client.query('SELECT pg_sleep(5)')),
      ).rejects.toThrow(/statement timeout/);
      expect(pool.totalCount).toBe(1);
      expect(pool.idleCount).toBe(1);
      // Inside the aborted transaction this would fail ("current transaction is aborted").
      expect((await pool.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
    });
  });

  it('[SYNC31] reads overrides from the environment and refuses what is not milliseconds', () => {
    expect(poolTimeoutsFromEnv({})).toEqual(DEFAULT_POOL_TIMEOUTS);
    expect(
      poolTimeoutsFromEnv({
        DATABASE_CONNECT_TIMEOUT_MS: '2000',
        DATABASE_STATEMENT_TIMEOUT_MS: '0',
        DATABASE_KEEPALIVE_MS: '',
      }),
    ).toEqual({ connectMs: 2000, statementMs: 0, keepAliveDelayMs: 10_000 });
    expect(() => poolTimeoutsFromEnv({ DATABASE_STATEMENT_TIMEOUT_MS: '30s' })).toThrow(
      /DATABASE_STATEMENT_TIMEOUT_MS/,
    );
  });
});
