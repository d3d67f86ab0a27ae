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

export async function useTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `threadline_test_${randomBytes(6).toString('hex')}`;
  const admin = createPool(adminUrl, 1);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  const url = withDatabase(adminUrl, name);
  const pool = createPool(url, 5);
  afterAll(async () => {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return { pool, url, engine: inject('postgresEngine') };
}
