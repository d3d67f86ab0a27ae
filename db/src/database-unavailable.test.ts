// The errors node-postgres really throws when the database is out of reach, told apart from the
// errors of the work itself (ONE50 retries the first without counting them against a check-in).
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { createPool, type Pool } from './connection.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { findFreePort } from './free-port.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

/** What `work` rejects with. */
async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the work to fail');
}

/** What a query of a pool of its own rejects with; the pool is ended after. */
async function errorOfPool(
  url: string,
  timeouts: Parameters<typeof createPool>[2],
  sql: string,
  before: (pool: Pool) => Promise<() => void> = async () => () => {},
): Promise<unknown> {
  const pool = createPool(url, 1, timeouts);
  const after = await before(pool);
  try {
    return await errorOf(() => pool.query(sql));
  } finally {
    after();
    await pool.end();
  }
}

describe('isDatabaseUnavailable', () => {
  it('[ONE50] a server nobody listens for is out of reach', async () => {
    const port = await findFreePort();
    const url = `postgres://postgres@127.0.0.1:${port}/none`;
    const error = await errorOfPool(url, { connectMs: 2000 }, 'SELECT 1');
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('[ONE50] a pool with no free connection in time is out of reach', async () => {
    // Its one connection is taken.
    const error = await errorOfPool(db.url, { connectMs: 100 }, 'SELECT 1', async (pool) => {
      const held = await pool.connect();
      return () => held.release();
    });
    expect(error).toMatchObject({ message: 'timeout exceeded when trying to connect' });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('[ONE50] a connection the server ends (shutting down, terminated) is out of reach, and so is using it after', async () => {
    const pool = createPool(db.url, 1);
    const client = await pool.connect();
    client.on('error', () => {});
    try {
      const ended = await errorOf(() =>
        client.query('SELECT pg_terminate_backend(pg_backend_pid())'),
      );
      expect(ended).toMatchObject({ code: '57P01' });
      expect(isDatabaseUnavailable(ended)).toBe(true);
      const after = await errorOf(() => client.query('SELECT 1'));
      expect(isDatabaseUnavailable(after)).toBe(true);
    } finally {
      client.release(true);
      await pool.end();
    }
  });

  it('[ONE50] a statement given up on for its time is the database’s load, not the work', async () => {
    const error = await errorOfPool(db.url, { statementMs: 100 }, 'SELECT pg_sleep(5)');
    expect(error).toMatchObject({ code: '57014' });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('[ONE50] an error of the work itself, or nobody knows whose, is not', async () => {
    for (const sql of [
      `SELECT 'not a uuid'::uuid`, // 22P02
      'SELECT 1 / 0', // 22012
      'SELEC 1', // 42601
      'SELECT * FROM no_such_table', // 42P01
    ]) {
      const error = await errorOf(() => db.pool.query(sql));
      expect(error).toHaveProperty('code');
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
    expect(isDatabaseUnavailable(new Error('the check-in does not fit its goal'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('undefined is not a function'))).toBe(false);
    expect(isDatabaseUnavailable('timeout exceeded when trying to connect')).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('[ONE50] looks through a cause, and an aggregate whose every error is out of reach', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), {
      code: 'ECONNREFUSED',
    });
    const row = Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' });
    expect(isDatabaseUnavailable(new Error('could not load', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused, refused]))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused, row]))).toBe(false);
    expect(isDatabaseUnavailable(new AggregateError([]))).toBe(false);
  });
});
