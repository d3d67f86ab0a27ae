// How long one run of the nudge job (NUD15) takes on the demo organisation: its 1:1s are
// projected by the seed (DEMO27); its goal rows are written here from the generated plan (the
// goal tree is projected only when opened). The first run raises what the seed did not; the
// second finds everything open already. `DATABASE_URL` picks the server, else an embedded one.
import { createPool } from '@threadline/db';
import { runNudges } from '@threadline/db/notifications-job';
import { createScratchDatabase } from '@threadline/db/scratch-database';
import { seedDemoOrganisation } from '@threadline/db/seed';

const database = await createScratchDatabase('threadline_nudge_bench');
const pool = createPool(database.url, 4);
try {
  const { organisationId } = await seedDemoOrganisation(pool);
  // Goal rows as the projector writes them, enough for the rules (NUD9–NUD13).
  await pool.query(
    `INSERT INTO goal_analytics (organisation_id, cycle_id, goal_id, title, level, state, owner_id,
                                 metric_kind, direction, stale, clarity, clarity_colour, weight,
                                 difficulty, tags, last_progress_at, approved_at, created_at,
                                 deleted)
     SELECT $1, c.id, gen_random_uuid(), 'Goal ' || p.id, 'person',
            CASE WHEN random() < 0.1 THEN 'proposed' ELSE 'active' END, p.id, 'number',
            'increase', false, 80, 'green', 1, 'medium', '{}',
            now() - (random() * 40 || ' days')::interval, now() - interval '60 days',
            now() - interval '61 days', false
       FROM people p, cycles c, generate_series(1, 4)
      WHERE p.organisation_id = $1 AND c.organisation_id = $1 AND c.status = 'active'`,
    [organisationId],
  );
  const counts = await pool.query<{ goals: number; actions: number; series: number }>(
    `SELECT (SELECT count(*)::int FROM goal_analytics WHERE organisation_id = $1) AS goals,
            (SELECT count(*)::int FROM one_on_one_action_analytics WHERE organisation_id = $1)
              AS actions,
            (SELECT count(*)::int FROM one_on_one_series WHERE organisation_id = $1) AS series`,
    [organisationId],
  );
  console.log('facts', counts.rows[0]);
  for (const label of ['first run', 'second run', 'third run']) {
    const started = performance.now();
    const result = await runNudges(pool);
    console.log(label, result, `${(performance.now() - started).toFixed(0)} ms`);
  }
} finally {
  await pool.end();
  await database.drop();
}
