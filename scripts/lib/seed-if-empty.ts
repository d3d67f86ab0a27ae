import { createPool } from '@threadline/db';
import { seedDemoOrganisation } from '@threadline/db/seed';

/** Seeds the demo organisation into a database that has no organisation yet (a first start). */
export async function seedDemoIfEmpty(
  databaseUrl: string,
  log: (line: string) => void,
): Promise<void> {
  // Seeding runs no statement timeout (a slow first start must not fail halfway).
  const pool = createPool(databaseUrl, 2, { statementMs: 0 });
  try {
    const { rows } = await pool.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM organisations',
    );
    if (rows[0]!.count > 0) return;
    log('Empty database: seeding the demo organisation…');
    const demo = await seedDemoOrganisation(pool);
    log(`Seeded the demo organisation with ${demo.people} people.`);
  } finally {
    await pool.end();
  }
}
