// DEMO40: the demo organisation's pending nudges, written when it is seeded. Its documents are
// projected only once someone opens them, so the job alone would find nothing to raise for a
// while (NUD6); this runs the same rules over the generated goals and 1:1s on the seed's day and
// writes what they raise, which the job keeps or clears once the documents are projected.
import type { GeneratedOrganisation } from '@threadline/domain/demo/generate';
import { generateDemoGoals } from '@threadline/domain/demo/goals';
import { demoNudgeFacts } from '@threadline/domain/demo/nudges';
import { generateDemoOneOnOnes } from '@threadline/domain/demo/one-on-ones';
import { evaluateNudges } from '@threadline/domain/notifications/rules';
import type { Queryable } from './connection.ts';
import { insertNotifications } from './notifications-job.ts';

export interface SeedDemoNudgesInput {
  organisationId: string;
  organisation: GeneratedOrganisation;
  personIds: ReadonlyMap<string, string>;
  today: string;
  seed: number;
  featured: { managerEmail: string; employeeEmail: string } | null;
}

/** Run inside the seed's transaction, after the goals and the 1:1s. */
export async function seedDemoNudges(db: Queryable, input: SeedDemoNudgesInput): Promise<number> {
  const goals = generateDemoGoals(input.organisation, { seed: input.seed, today: input.today });
  const oneOnOnes = generateDemoOneOnOnes(input.organisation, {
    seed: input.seed,
    today: input.today,
    featured: input.featured,
  });
  const { rows } = await db.query<{ id: string; manager_id: string; employee_id: string }>(
    `SELECT id, manager_id, employee_id FROM one_on_one_series
      WHERE organisation_id = $1 AND ended_at IS NULL`,
    [input.organisationId],
  );
  const seriesIds = new Map(rows.map((row) => [`${row.manager_id} ${row.employee_id}`, row.id]));
  const person = (key: string) => {
    const id = input.personIds.get(key);
    if (!id) throw new Error(`no person ${key} in the seeded organisation`);
    return id;
  };
  const facts = demoNudgeFacts(input.organisation, goals, oneOnOnes, input.today, {
    person,
    series: (managerId, employeeId) => seriesIds.get(`${managerId} ${employeeId}`),
  });
  const now = new Date(`${input.today}T06:00:00Z`);
  return insertNotifications(db, input.organisationId, evaluateNudges(facts, now).nudges, now);
}
