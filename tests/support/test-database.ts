// Gives each test file a database of its own, cloned from the migrated template, so no test
// ever sees another file's rows. Dropped when the file's tests end.
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createPool, type Pool } from '@threadline/db';
import { withDatabase } from '@threadline/db/scratch-database';

export interface TestDatabase {
  pool: Pool;
  url: string;
  engine: 'embedded' | 'server';
}

// Files open their database inside a beforeAll, and vitest ignores an afterAll registered while
// hooks run (it takes a file's hooks when it collects the file), so the drop is registered here,
// when the file imports this module. Registered before any of the file's own hooks, it runs after
// them (afterAll hooks run last-registered first): the file's servers close before the database
// they use goes.
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops.splice(0)) await drop();
});

export async function useTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `threadline_test_${randomBytes(6).toString('hex')}`;
  const admin = createPool(adminUrl, 1);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  const url = withDatabase(adminUrl, name);
  const pool = createPool(url, 5);
  drops.push(async () => {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return { pool, url, engine: inject('postgresEngine') };
}
