import { createPool } from '@threadline/db';
import { createSession, openProposals } from '@threadline/db/calibration-sessions';
import { startSession } from '@threadline/db/calibration-board';
import { defaultBands, defaultGuideline, defaultScale } from '@threadline/domain/calibration/session-config';
const pool = createPool(process.argv[2]!, 2);
const one = async (sql: string, v: unknown[] = []) => (await pool.query(sql, v)).rows[0];
const org = await one(`SELECT organisation_id AS id FROM people WHERE email = 'admin@demo.threadline.test'`);
const id = (email: string) => one(`SELECT id FROM people WHERE email = $1`, [email]).then((r) => r.id);
const admin = await id('admin@demo.threadline.test');
const daniel = await id('daniel.kowalski@demo.threadline.test');
const maya = await id('maya.okafor@demo.threadline.test');
const team = await one(`SELECT id FROM teams WHERE organisation_id = $1 AND name = 'Engineering'`, [org.id]);
const cycle = await one(`SELECT id FROM cycles WHERE organisation_id = $1 AND status = 'active'`, [org.id]);
const made = await createSession(pool, org.id, admin, {
  name: 'Engineering, 2026 H2', cycleId: cycle.id, scale: defaultScale(), performanceBands: defaultBands(5),
  guideline: defaultGuideline(5), population: { kind: 'team', teamId: team.id },
  participants: [{ personId: admin, role: 'facilitator' }, { personId: daniel, role: 'leader' }, { personId: maya, role: 'leader' }],
});
if (!made.ok) throw new Error(JSON.stringify(made.errors));
await openProposals(pool, org.id, made.value.id, { id: admin, role: 'admin' });
const { rows } = await pool.query(`SELECT p.id, p.manager_id FROM calibration_population c JOIN people p ON p.id = c.person_id WHERE c.session_id = $1 AND p.manager_id IS NOT NULL`, [made.value.id]);
let i = 0;
for (const row of rows) {
  i++;
  if (i % 9 === 0) continue;
  const rating = [3, 3, 4, 2, 3, 5, 4, 1, 3, 4][i % 10]!;
  const potential = (['medium', 'high', 'low', 'medium'] as const)[i % 4]!;
  await pool.query(`INSERT INTO calibration_proposals (organisation_id, session_id, person_id, manager_id, rating, potential, rationale) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [org.id, made.value.id, row.id, row.manager_id, rating, potential, 'Delivered the platform migration on time.']);
}
console.log(await startSession(pool, { organisationId: org.id, sessionId: made.value.id, personId: admin }));
console.log(made.value.id);
await pool.end();
