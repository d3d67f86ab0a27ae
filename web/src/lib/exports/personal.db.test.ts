// A person's export read from the seeded demo organisation (EXP1–EXP8): only what is theirs,
// under the documents' access rules, whatever part is asked for.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionPerson } from '@threadline/db';
import { DEMO_ADMIN_EMAIL, DEMO_EMPLOYEE_EMAIL, DEMO_MANAGER_EMAIL } from '@threadline/db/demo';
import { seedDemoOrganisation } from '@threadline/db/seed';
import {
  EMPLOYEE_PRIVATE_NOTES,
  MANAGER_PRIVATE_NOTES,
} from '@threadline/domain/demo/one-on-ones-catalogue';
import {
  assemblePersonalExport,
  type PersonalExport,
  type PersonalExportPart,
} from '@threadline/domain/exports/personal';
import { useTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.ts';
import { personalExportPart, personalExportPlan } from './personal.server.ts';

let db: TestDatabase;
let organisationId: string;

async function personOf(email: string): Promise<SessionPerson> {
  const { rows } = await db.pool.query<{ id: string; name: string; role: 'admin' | 'member' }>(
    'SELECT id, name, role FROM people WHERE organisation_id = $1 AND email = $2',
    [organisationId, email],
  );
  return {
    ...rows[0]!,
    organisationId,
    organisationName: 'Demo',
    organisationLocale: null,
    email,
  };
}

async function exportOf(person: SessionPerson): Promise<PersonalExport> {
  const plan = await personalExportPlan(db.pool, person);
  const parts: PersonalExportPart[] = [];
  for (const part of plan.parts) {
    parts.push((await personalExportPart(db.pool, person, part.id))!);
  }
  return assemblePersonalExport(parts, new Date())!;
}

const head = (note: string) => note.slice(0, 30);

beforeAll(async () => {
  db = await useTestDatabase();
  ({ organisationId } = await seedDemoOrganisation(db.pool));
}, 120_000);

describe('a person’s own export', () => {
  it('[EXP2] [EXP4] [EXP5] the employee: their goals, their own private notes and moods, not the manager’s notes', async () => {
    const kwame = await personOf(DEMO_EMPLOYEE_EMAIL);
    const data = await exportOf(kwame);
    expect(data.goals.length).toBeGreaterThan(0);
    expect(data.goals.every((goal) => goal.ownerId === kwame.id)).toBe(true);
    expect(data.goals.some((goal) => goal.history.length > 0)).toBe(true);
    const text = JSON.stringify(data);
    expect(text).toContain(head(EMPLOYEE_PRIVATE_NOTES[0]!));
    for (const note of MANAGER_PRIVATE_NOTES) expect(text).not.toContain(head(note));
    const series = data.oneOnOnes.filter((s) => s.role === 'employee');
    expect(series.length).toBeGreaterThan(0);
    expect(series.flatMap((s) => s.meetings).some((m) => m.mood !== null)).toBe(true);
    expect(series.flatMap((s) => s.actionItems).length).toBeGreaterThan(0);
  });

  it('[EXP1] [EXP5] the manager: their own private notes, none of their report’s, and no moods', async () => {
    const sofia = await personOf(DEMO_MANAGER_EMAIL);
    const data = await exportOf(sofia);
    const text = JSON.stringify(data);
    expect(text).toContain(head(MANAGER_PRIVATE_NOTES[0]!));
    for (const note of EMPLOYEE_PRIVATE_NOTES) expect(text).not.toContain(head(note));
    const managed = data.oneOnOnes.filter((s) => s.role === 'manager');
    expect(managed.length).toBeGreaterThan(0);
    expect(managed.flatMap((s) => s.meetings).every((m) => m.mood === null)).toBe(true);
  });

  it('[EXP3] [EXP8] a series the person is not in gives nothing, even to an HR admin allowed to read agendas', async () => {
    const kwame = await personOf(DEMO_EMPLOYEE_EMAIL);
    const admin = await personOf(DEMO_ADMIN_EMAIL);
    // A series neither of them is in (the admin is in some, as anyone with a manager is).
    const { rows } = await db.pool.query<{ id: string }>(
      `SELECT id FROM one_on_one_series
        WHERE organisation_id = $1 AND manager_id <> ALL($2) AND employee_id <> ALL($2)
        ORDER BY id LIMIT 1`,
      [organisationId, [kwame.id, admin.id]],
    );
    const other = rows[0]!.id;
    expect(await personalExportPart(db.pool, kwame, `one-on-one/${other}`)).toEqual({
      kind: 'one-on-one',
      series: null,
    });
    await db.pool.query('UPDATE organisations SET hr_may_read_one_on_ones = true WHERE id = $1', [
      organisationId,
    ]);
    try {
      expect(await personalExportPart(db.pool, admin, `one-on-one/${other}`)).toEqual({
        kind: 'one-on-one',
        series: null,
      });
      const plan = await personalExportPlan(db.pool, admin);
      expect(plan.parts.map((p) => p.id)).not.toContain(`one-on-one/${other}`);
    } finally {
      await db.pool.query(
        'UPDATE organisations SET hr_may_read_one_on_ones = false WHERE id = $1',
        [organisationId],
      );
    }
  });

  it('[EXP8] a part of another organisation, or no part at all, is not found', async () => {
    const kwame = await personOf(DEMO_EMPLOYEE_EMAIL);
    expect(
      await personalExportPart(db.pool, kwame, 'goals/00000000-0000-4000-8000-000000000000'),
    ).toBeNull();
    expect(await personalExportPart(db.pool, kwame, 'private-notes/x/y')).toBeNull();
    expect(await personalExportPart(db.pool, kwame, 'goals/not-an-id')).toBeNull();
  });

  it('[EXP6] [EXP7] the profile holds the person’s published ratings and their own development plan', async () => {
    const { rows } = await db.pool.query<{ email: string }>(
      `SELECT p.email FROM published_ratings r JOIN people p ON p.id = r.person_id
        WHERE r.organisation_id = $1 LIMIT 1`,
      [organisationId],
    );
    const rated = await personOf(rows[0]!.email);
    const profile = await personalExportPart(db.pool, rated, 'profile');
    if (profile?.kind !== 'profile') throw new Error('no profile');
    expect(profile.person.id).toBe(rated.id);
    expect(profile.ratings.length).toBeGreaterThan(0);
    expect(Array.isArray(profile.developmentItems)).toBe(true);
    expect(Array.isArray(profile.skillGaps)).toBe(true);
    const { rows: planned } = await db.pool.query<{ email: string; n: number }>(
      `SELECT p.email, count(*)::int AS n FROM development_items d
         JOIN people p ON p.organisation_id = d.organisation_id AND p.id = d.person_id
        WHERE d.organisation_id = $1 GROUP BY p.email ORDER BY n DESC LIMIT 1`,
      [organisationId],
    );
    if (planned[0]) {
      const owner = await personOf(planned[0].email);
      const own = await personalExportPart(db.pool, owner, 'profile');
      if (own?.kind !== 'profile') throw new Error('no profile');
      expect(own.developmentItems!.length).toBe(planned[0].n);
      expect(own.developmentItems!.every((item) => typeof item.title === 'string')).toBe(true);
    }
  });
});
