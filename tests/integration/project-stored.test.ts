// A seeded organisation's documents into the analytics tables at once (projectStoredDocuments),
// by the same projectors a room runs when it loads (SYNC24): the dashboards (ANA rules) have the
// demo's goals, 1:1s and boards before anyone opens a document.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOrganisation } from '@threadline/db/seed';
import { projectStoredDocuments } from '@threadline/sync-server/projection/project-stored';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';

let db: TestDatabase;
let organisationId: string;
beforeAll(async () => {
  db = await useTestDatabase();
  ({ organisationId } = await seedDemoOrganisation(db.pool));
});

const count = async (table: string) => {
  const { rows } = await db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1`,
    [organisationId],
  );
  return rows[0]!.n;
};

describe('projecting a seeded organisation', () => {
  it('[ANA29] fills the goal, 1:1 and calibration tables the dashboards read', async () => {
    expect(await count('goal_analytics')).toBe(0);
    expect(await count('one_on_one_meeting_analytics')).toBe(0);
    const result = await projectStoredDocuments(db.pool, organisationId);
    expect(result.documents).toBeGreaterThan(300);
    expect(await count('goal_analytics')).toBeGreaterThan(500);
    expect(await count('goal_progress_events')).toBeGreaterThan(0);
    // DEMO16, DEMO17: every reporting line's series, 8–12 held meetings each, moods in most.
    const { rows } = await db.pool.query<{ series: number; projected: number }>(
      `SELECT (SELECT count(*) FROM one_on_one_series WHERE organisation_id = $1)::int AS series,
              (SELECT count(DISTINCT series_id) FROM one_on_one_meeting_analytics
                WHERE organisation_id = $1)::int AS projected`,
      [organisationId],
    );
    expect(rows[0]!.projected).toBe(rows[0]!.series);
    expect(await count('one_on_one_mood_analytics')).toBeGreaterThan(0);
    expect(await count('calibration_cards')).toBeGreaterThan(40);
    // Running it again rewrites the same rows.
    const before = await count('one_on_one_meeting_analytics');
    await projectStoredDocuments(db.pool, organisationId);
    expect(await count('one_on_one_meeting_analytics')).toBe(before);
  });
});
