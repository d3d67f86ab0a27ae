import { createPool } from '@threadline/db';
import { seedDemoOrganisation } from '@threadline/db/seed';
import { projectStoredDocuments } from '@threadline/sync-server/projection/project-stored';

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
    // Its documents into the analytics tables, so the dashboards show them before anyone opens
    // a document (SYNC24 would otherwise wait for that).
    const projected = await projectStoredDocuments(pool, demo.organisationId);
    log(`Projected ${projected.documents} documents for analytics.`);
  } finally {
    await pool.end();
  }
}
