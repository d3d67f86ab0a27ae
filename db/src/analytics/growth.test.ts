// The growth dashboard's query on a real PostgreSQL with each role (ANA25, ANA26, ANA29, ANA40):
// what each scope lets through, and the group-size rule applied in SQL. An organisation of a CEO,
// an HR admin, a Platform manager with six reports (five with a gap and an item), a Sales lead
// with four reports (each with a gap and an item: one too few), as the plans' projector writes
// them (ONE46).
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFilters } from '@threadline/domain/analytics/filters';
import { createOrganisation, createPerson } from '../../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';
import { growthDashboard } from './growth.ts';
import { loadAnalyticsContext } from './scope.ts';

let db: TestDatabase;
let org: string;
const people: { [name: string]: string } = {};
const teams: { [name: string]: string } = {};
const TODAY = '2026-12-07';

async function team(name: string, parent?: string) {
  const { rows } = await db.pool.query<{ id: string }>(
    `INSERT INTO teams (organisation_id, name, kind, parent_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [org, name, parent ? 'team' : 'department', parent ?? null],
  );
  return rows[0]!.id;
}

async function person(key: string, name: string, managerKey: string | null, teamId: string) {
  people[key] = (
    await createPerson(db.pool, org, {
      name,
      managerId: managerKey === null ? null : people[managerKey]!,
      teamId,
      role: key === 'admin' ? 'admin' : 'member',
    })
  ).id;
}

async function gap(personKey: string, skillId: string) {
  await db.pool.query(
    `INSERT INTO skill_gaps (organisation_id, id, person_id, skill_id, flagged_on)
     VALUES ($1, gen_random_uuid(), $2, $3, '2026-11-20')`,
    [org, people[personKey], skillId],
  );
}

async function item(personKey: string, type: string, status: string) {
  await db.pool.query(
    `INSERT INTO development_items (organisation_id, id, person_id, type, status, created_at)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, now())`,
    [org, people[personKey], type, status],
  );
}

beforeAll(async () => {
  db = await useTestDatabase();
  org = (await createOrganisation(db.pool)).id;
  teams.engineering = await team('Engineering');
  teams.platform = await team('Platform', teams.engineering);
  teams.sales = await team('Sales');
  teams.people = await team('People Ops');
  await person('ceo', 'Chief Exec', null, teams.people);
  await person('admin', 'Hr Admin', 'ceo', teams.people);
  await person('manager', 'Platform Manager', 'ceo', teams.platform);
  for (let i = 1; i <= 6; i++) await person(`r${i}`, `Report ${i}`, 'manager', teams.platform);
  await person('lead', 'Sales Lead', 'ceo', teams.sales);
  for (let i = 1; i <= 4; i++) await person(`s${i}`, `Seller ${i}`, 'lead', teams.sales);
  const skill = async (name: string) =>
    (
      await db.pool.query<{ id: string }>(
        `INSERT INTO skills (organisation_id, name) VALUES ($1, $2) RETURNING id`,
        [org, name],
      )
    ).rows[0]!.id;
  const sql = await skill('SQL');
  const coaching = await skill('Coaching');
  const negotiation = await skill('Negotiation');
  // Platform: five reports with a gap in SQL (r1 twice), r1 in Coaching too; r6 none.
  for (let i = 1; i <= 5; i++) {
    await gap(`r${i}`, sql);
    await item(`r${i}`, 'experience', i <= 2 ? 'done' : 'in-progress');
  }
  await gap('r1', sql);
  await gap('r1', coaching);
  await item('r1', 'formal', 'not-started');
  // Sales: four sellers, each a gap in Negotiation and a social item.
  for (let i = 1; i <= 4; i++) {
    await gap(`s${i}`, negotiation);
    await item(`s${i}`, 'social', 'not-started');
  }
});

async function growthOf(key: string, query: Record<string, string> = {}) {
  const filters = parseFilters(new URLSearchParams(query), TODAY);
  const ctx = await loadAnalyticsContext(db.pool, org, people[key]!, filters, TODAY);
  if (!ctx) throw new Error('no context');
  return growthDashboard(db.pool, ctx);
}

const HIDDEN = {
  recorded: true,
  skillGaps: [],
  items: [],
  tooFew: { skillGaps: true, items: true },
};

describe('growth analytics by role', () => {
  it('[ANA1] [ANA26] [ANA40] the HR admin and the CEO read the organisation’s counts', async () => {
    for (const key of ['admin', 'ceo']) {
      const view = await growthOf(key);
      // A skill counts people, not mentions: r1's two SQL gaps count once.
      expect(view.skillGaps).toEqual([
        { skill: 'SQL', people: 5 },
        { skill: 'Negotiation', people: 4 },
        { skill: 'Coaching', people: 1 },
      ]);
      expect(view.items).toEqual([
        { type: 'experience', status: 'in-progress', count: 3 },
        { type: 'experience', status: 'done', count: 2 },
        { type: 'social', status: 'not-started', count: 4 },
        { type: 'formal', status: 'not-started', count: 1 },
      ]);
      expect(view.tooFew).toEqual({ skillGaps: false, items: false });
    }
  });

  it('[ANA2] [ANA40] a manager over five people with gaps reads their tree’s counts only', async () => {
    const view = await growthOf('manager');
    expect(view.skillGaps).toEqual([
      { skill: 'SQL', people: 5 },
      { skill: 'Coaching', people: 1 },
    ]);
    expect(view.items.reduce((sum, row) => sum + row.count, 0)).toBe(6);
    expect(JSON.stringify(view)).not.toContain('Negotiation');
  });

  it('[ANA8] [ANA40] a manager over four people receives no skill and no count', async () => {
    const view = await growthOf('lead');
    expect(view).toEqual(HIDDEN);
    expect(JSON.stringify(view)).not.toContain('Negotiation');
  });

  it('[ANA6] [ANA40] a team filter down to four people leaves the admin nothing either', async () => {
    expect(await growthOf('admin', { team: teams.sales! })).toEqual(HIDDEN);
    // Platform's five people with a gap are enough.
    const platform = await growthOf('admin', { team: teams.platform! });
    expect(platform.skillGaps.map((row) => row.skill)).toEqual(['SQL', 'Coaching']);
  });

  it('[ANA3] [ANA40] an employee reads their own gaps and items, one person though they are', async () => {
    const own = await growthOf('r1');
    expect(own.skillGaps).toEqual([
      { skill: 'Coaching', people: 1 },
      { skill: 'SQL', people: 1 },
    ]);
    expect(own.items).toEqual([
      { type: 'experience', status: 'done', count: 1 },
      { type: 'formal', status: 'not-started', count: 1 },
    ]);
    expect(await growthOf('s1')).toEqual({
      recorded: true,
      skillGaps: [{ skill: 'Negotiation', people: 1 }],
      items: [{ type: 'social', status: 'not-started', count: 1 }],
      tooFew: { skillGaps: false, items: false },
    });
  });

  it('[ANA29] [ANA40] nothing recorded is not “too few”', async () => {
    expect(await growthOf('r6')).toEqual({
      recorded: false,
      skillGaps: [],
      items: [],
      tooFew: { skillGaps: false, items: false },
    });
  });
});
