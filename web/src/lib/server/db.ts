// The web server's connection pool. scripts/start.ts always passes DATABASE_URL (pointing at the
// embedded engine when the person did not configure a server), so this module never starts one.
import { env } from '$env/dynamic/private';
import { createPool, type Pool } from '@threadline/db';

let pool: Pool | undefined;

export function db(): Pool {
  if (!pool) {
    if (!env.DATABASE_URL) {
      throw new Error('DATABASE_URL is not set: start the app with `pnpm start` or `pnpm dev`.');
    }
    pool = createPool(env.DATABASE_URL, Number(env.DATABASE_POOL_SIZE ?? 10));
  }
  return pool;
}
