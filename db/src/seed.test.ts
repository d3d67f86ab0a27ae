import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  actionItems,
  agendaOf,
  isActionOverdue,
  meetings,
  timesCarried,
} from '@threadline/domain/one-on-ones/agenda';
import { nextScheduledDay } from '@threadline/domain/one-on-ones/cadence';
import type { Cadence } from '@threadline/domain/one-on-ones/model';
import {
  validateAgendaDocument,
  validateMoodDocument,
  validatePrivateNotesDocument,
} from '@threadline/domain/one-on-ones/schema';
import { checkInsOf, moodsOf } from '@threadline/domain/one-on-ones/shape';
import { readGoalMap } from '@threadline/domain/goals/document';
import { validateGoalTree } from '@threadline/domain/goals/schema';
import { goalMap, goalsRoot } from '@threadline/domain/goals/shape';
import {
  validateBoardDocument,
  validateProposalsDocument,
} from '@threadline/domain/calibration/schema';
import { cardsOf } from '@threadline/domain/calibration/shape';
import { validateDevelopmentPlanDocument } from '@threadline/domain/development/schema';
import { itemsOf } from '@threadline/domain/development/shape';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_ADMIN_EMAIL,
  DEMO_CEO_EMAIL,
  DEMO_DEACTIVATION_TEST_EMAIL,
  DEMO_DEPARTMENT_HEAD_EMAIL,
  DEMO_EMPLOYEE_EMAIL,
  DEMO_MANAGER_EMAIL,
  DEMO_PASSWORD,
  DEMO_THROTTLE_TEST_EMAIL,
  listDemoAccounts,
} from './demo.ts';
import { verifyPassword } from './passwords.ts';
import { seedDemoOrganisation, seedOrganisation, slugify } from './seed.ts';

let db: TestDatabase;
let demo: { organisationId: string; people: number };
/** The seed's day (it defaults to today, UTC). */
let seededOn: string;
beforeAll(async () => {
  db = await useTestDatabase();
  seededOn = new Date().toISOString().slice(0, 10);
  // The sign-in page's list is empty before there is a demo organisation.
  expect(await listDemoAccounts(db.pool)).toEqual([]);
  demo = await seedDemoOrganisation(db.pool);
});

async function person(email: string) {
  const { rows } = await db.pool.query<{
    id: string;
    organisation_id: string;
    name: string;
    title: string;
    role: string;
    status: string;
    manager_id: string | null;
    team_id: string | null;
    password_hash: string;
  }>('SELECT * FROM people WHERE email = $1', [email]);
  return rows[0]!;
}

async function teamName(id: string | null) {
  const { rows } = await db.pool.query<{ name: string; kind: string }>(
    'SELECT name, kind FROM teams WHERE id = $1',
    [id],
  );
  return rows[0];
}

describe('seedDemoOrganisation', () => {
  it('[DEMO9] creates Northwind Labs, slug demo, marked as the demo, with 150 active people', async () => {
    const { rows } = await db.pool.query(
      `SELECT o.name, o.slug, o.is_demo,
              count(p.*)::int AS people,
              count(p.*) FILTER (WHERE p.status = 'active')::int AS active
         FROM organisations o JOIN people p ON p.organisation_id = o.id
        WHERE o.id = $1 GROUP BY o.id`,
      [demo.organisationId],
    );
    expect(rows).toEqual([
      { name: 'Northwind Labs', slug: 'demo', is_demo: true, people: 150, active: 150 },
    ]);
    expect(demo.people).toBe(150);
  });

  it('[DEMO4] writes four departments with several teams each', async () => {
    const { rows } = await db.pool.query<{ name: string; teams: number }>(
      `SELECT d.name, count(t.*)::int AS teams
         FROM teams d LEFT JOIN teams t ON t.parent_id = d.id AND t.organisation_id = d.organisation_id
        WHERE d.organisation_id = $1 AND d.kind = 'department'
        GROUP BY d.name ORDER BY d.name`,
      [demo.organisationId],
    );
    expect(rows.map((row) => row.name)).toEqual([
      'Engineering',
      'People & Operations',
      'Product & Design',
      'Sales & Marketing',
    ]);
    expect(rows.every((row) => row.teams >= 3)).toBe(true);
    const orphans = await db.pool.query(
      `SELECT 1 FROM teams WHERE organisation_id = $1 AND kind = 'team' AND parent_id IS NULL`,
      [demo.organisationId],
    );
    expect(orphans.rowCount).toBe(0);
  });

  it('[DEMO7] writes one active cycle, 2026 H2, and a closed 2026 H1', async () => {
    const { rows } = await db.pool.query(
      `SELECT name, starts_on, ends_on, status FROM cycles WHERE organisation_id = $1 ORDER BY starts_on`,
      [demo.organisationId],
    );
    expect(rows).toEqual([
      { name: '2026 H1', starts_on: '2026-01-01', ends_on: '2026-06-30', status: 'closed' },
      { name: '2026 H2', starts_on: '2026-07-01', ends_on: '2026-12-31', status: 'active' },
    ]);
  });

  it('[DEMO2] gives everyone but the CEO a manager in the same organisation, with no loops', async () => {
    const { rows } = await db.pool.query<{ email: string }>(
      `SELECT email FROM people WHERE organisation_id = $1 AND manager_id IS NULL`,
      [demo.organisationId],
    );
    expect(rows).toEqual([{ email: DEMO_CEO_EMAIL }]);
    // Walking up from everyone reaches the CEO within a few levels, inside the organisation.
    const { rows: reach } = await db.pool.query<{ reached: number }>(
      `WITH RECURSIVE chain (id, manager_id, depth) AS (
         SELECT id, manager_id, 0 FROM people WHERE organisation_id = $1
         UNION ALL
         SELECT c.id, m.manager_id, c.depth + 1
           FROM chain c JOIN people m ON m.id = c.manager_id AND m.organisation_id = $1
          WHERE c.depth < 20
       )
       SELECT count(DISTINCT id)::int AS reached FROM chain WHERE manager_id IS NULL`,
      [demo.organisationId],
    );
    expect(reach).toEqual([{ reached: 150 }]);
  });

  it('[DEMO3] keeps every span of control between 4 and 9', async () => {
    const { rows } = await db.pool.query<{ min: number; max: number }>(
      `SELECT min(n)::int AS min, max(n)::int AS max FROM (
         SELECT count(*) AS n FROM people WHERE organisation_id = $1 AND manager_id IS NOT NULL GROUP BY manager_id
       ) spans`,
      [demo.organisationId],
    );
    expect(rows).toEqual([{ min: expect.any(Number), max: expect.any(Number) }]);
    expect(rows[0]!.min).toBeGreaterThanOrEqual(4);
    expect(rows[0]!.max).toBeLessThanOrEqual(9);
  });

  it('[DEMO9] places the well-known accounts at their spots', async () => {
    const ceo = await person(DEMO_CEO_EMAIL);
    const admin = await person(DEMO_ADMIN_EMAIL);
    const head = await person(DEMO_DEPARTMENT_HEAD_EMAIL);
    const manager = await person(DEMO_MANAGER_EMAIL);
    const employee = await person(DEMO_EMPLOYEE_EMAIL);
    expect(admin).toMatchObject({ role: 'admin', manager_id: ceo.id, name: 'Priya Raman' });
    expect(await teamName(admin.team_id)).toEqual({
      name: 'People & Operations',
      kind: 'department',
    });
    expect(head).toMatchObject({ role: 'member', manager_id: ceo.id, title: 'VP Engineering' });
    expect(await teamName(head.team_id)).toEqual({ name: 'Engineering', kind: 'department' });
    expect(manager).toMatchObject({ manager_id: head.id, title: 'Engineering Manager' });
    expect(employee).toMatchObject({ manager_id: manager.id, team_id: manager.team_id });
    const reports = await db.pool.query('SELECT 1 FROM people WHERE manager_id = $1', [manager.id]);
    expect(reports.rowCount).toBeGreaterThanOrEqual(4);

    const throttle = await person(DEMO_THROTTLE_TEST_EMAIL);
    const deactivation = await person(DEMO_DEACTIVATION_TEST_EMAIL);
    expect(throttle.status).toBe('active');
    expect(deactivation.status).toBe('active');
    expect(throttle.manager_id).toBe(deactivation.manager_id);
    expect(await teamName(throttle.team_id)).toEqual({ name: 'Enterprise Sales', kind: 'team' });
    // Exactly one admin, so deactivating the reserved accounts never touches the last admin (ORG4).
    const admins = await db.pool.query(
      `SELECT email FROM people WHERE organisation_id = $1 AND role = 'admin'`,
      [demo.organisationId],
    );
    expect(admins.rows).toEqual([{ email: DEMO_ADMIN_EMAIL }]);
  });

  it('[DEMO12] gives every well-known account the level its title names', async () => {
    const { rows } = await db.pool.query<{ email: string; job_level: string }>(
      `SELECT lower(email) AS email, job_level FROM people WHERE organisation_id = $1`,
      [demo.organisationId],
    );
    const levels = new Map(rows.map((row) => [row.email, row.job_level]));
    expect(DEMO_ACCOUNTS.map((account) => [account.title, levels.get(account.email)])).toEqual([
      ['VP People Operations', 'M5'],
      ['Chief Executive Officer', 'M6'],
      ['VP Engineering', 'M5'],
      ['Engineering Manager', 'M1'],
      ['Senior Software Engineer', 'IC3'],
    ]);
  });

  it('[DEMO6] stores pay-range positions in whole percent, mostly inside the range', async () => {
    const { rows } = await db.pool.query<{ inside: number; whole: number; total: number }>(
      `SELECT count(*) FILTER (WHERE pay_range_position <= 1)::int AS inside,
              count(*) FILTER (WHERE pay_range_position * 100 = round(pay_range_position * 100))::int
                AS whole,
              count(*)::int AS total
         FROM people WHERE organisation_id = $1`,
      [demo.organisationId],
    );
    expect(rows[0]!.whole).toBe(rows[0]!.total);
    expect(rows[0]!.inside / rows[0]!.total).toBeGreaterThan(0.9);
  });

  it('[DEMO9] gives every demo person the demo password, hashed once', async () => {
    const { rows } = await db.pool.query<{ password_hash: string; people: number }>(
      `SELECT password_hash, count(*)::int AS people FROM people WHERE organisation_id = $1 GROUP BY password_hash`,
      [demo.organisationId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.people).toBe(150);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(rows[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(rows[0]!.password_hash, 'wrong-password')).toBe(false);
  });

  it('[DEMO9] refuses to seed a second demo organisation and writes nothing', async () => {
    await expect(seedDemoOrganisation(db.pool)).rejects.toThrow(/slug "demo" already exists/);
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM people');
    expect(rows).toEqual([{ n: 150 }]);
  });
});

interface SeriesRow {
  id: string;
  manager_id: string;
  employee_id: string;
  cadence: Cadence;
  weekday: number;
  starts_on: string;
}

async function seededSeries(organisationId: string): Promise<SeriesRow[]> {
  const { rows } = await db.pool.query<SeriesRow>(
    `SELECT id, manager_id, employee_id, cadence, weekday,
            to_char(starts_on, 'YYYY-MM-DD') AS starts_on
       FROM one_on_one_series WHERE organisation_id = $1 AND ended_at IS NULL`,
    [organisationId],
  );
  return rows;
}

/** Every 1:1 document of the organisation, folded from the log as the sync server loads it. */
async function oneOnOneDocuments(organisationId: string) {
  const { rows } = await db.pool.query<{
    document_name: string;
    person_id: string | null;
    update: Buffer;
  }>(
    `SELECT document_name, person_id, update FROM document_updates
      WHERE organisation_id = $1 AND document_name NOT LIKE 'goals/%'
        AND document_name NOT LIKE 'calibration%' AND document_name NOT LIKE 'development-plan/%'
      ORDER BY seq`,
    [organisationId],
  );
  const documents = new Map<string, { doc: Y.Doc; authors: Set<string | null> }>();
  for (const row of rows) {
    let document = documents.get(row.document_name);
    if (!document) {
      document = { doc: new Y.Doc(), authors: new Set() };
      documents.set(row.document_name, document);
    }
    Y.applyUpdate(document.doc, row.update);
    document.authors.add(row.person_id);
  }
  return documents;
}

describe('seeded 1:1s', () => {
  it('[DEMO16] gives every reporting line one running series with its manager', async () => {
    const { rows: lines } = await db.pool.query<{ id: string; manager_id: string }>(
      `SELECT id, manager_id FROM people WHERE organisation_id = $1 AND manager_id IS NOT NULL`,
      [demo.organisationId],
    );
    const series = await seededSeries(demo.organisationId);
    expect(series.map((s) => `${s.manager_id}/${s.employee_id}`).sort()).toEqual(
      lines.map((line) => `${line.manager_id}/${line.id}`).sort(),
    );
    expect(series.every((s) => s.cadence === 'weekly' || s.cadence === 'biweekly')).toBe(true);
  });

  it('[DEMO17] [ONE7] [ONE9] [ONE6] [ONE5] seeds documents the sync server’s validators accept, written by the members', async () => {
    const series = await seededSeries(demo.organisationId);
    const documents = await oneOnOneDocuments(demo.organisationId);
    const kinds = { agenda: 0, mood: 0, notes: 0 };
    for (const s of series) {
      const members = new Set([s.manager_id, s.employee_id]);
      const agenda = documents.get(`one-on-one/${s.id}`)!;
      expect(validateAgendaDocument(agenda.doc)).toEqual([]);
      for (const author of agenda.authors) expect(members.has(author!)).toBe(true);
      const mood = documents.get(`one-on-one-mood/${s.id}`)!;
      expect(validateMoodDocument(mood.doc)).toEqual([]);
      expect([...mood.authors]).toEqual([s.employee_id]);
      kinds.agenda += 1;
      kinds.mood += 1;
    }
    for (const [name, document] of documents) {
      if (!name.startsWith('private-notes/')) continue;
      expect(validatePrivateNotesDocument(document.doc)).toEqual([]);
      // Only the person the notes belong to ever wrote to them (ONE5).
      expect([...document.authors]).toEqual([name.split('/')[2]]);
      kinds.notes += 1;
    }
    expect(documents.size).toBe(kinds.agenda + kinds.mood + kinds.notes);
  });

  it('[DEMO17] [ONE8] holds 8–12 meetings before the seed’s day, and the next one is there with its points', async () => {
    const series = await seededSeries(demo.organisationId);
    const documents = await oneOnOneDocuments(demo.organisationId);
    for (const s of series) {
      const doc = documents.get(`one-on-one/${s.id}`)!.doc;
      const all = meetings(doc);
      const held = all.filter((meeting) => meeting.date < seededOn);
      expect(held.length).toBeGreaterThanOrEqual(8);
      expect(held.length).toBeLessThanOrEqual(12);
      const next = nextScheduledDay(s.starts_on, s.cadence, seededOn);
      expect(all.map((meeting) => meeting.id)).toContain(next);
      const agenda = agendaOf(doc, next);
      expect(agenda.align.length + agenda.track.length + agenda.achieve.length).toBeGreaterThan(1);
      const moods = [...moodsOf(documents.get(`one-on-one-mood/${s.id}`)!.doc).values()];
      for (const mood of moods) expect(mood.value >= 1 && mood.value <= 5).toBe(true);
    }
  });

  it('[DEMO18] shows Sofía and Kwame private notes, an overdue item and one carried forward', async () => {
    const sofia = await person(DEMO_MANAGER_EMAIL);
    const kwame = await person(DEMO_EMPLOYEE_EMAIL);
    const series = (await seededSeries(demo.organisationId)).find(
      (s) => s.manager_id === sofia.id && s.employee_id === kwame.id,
    )!;
    expect(series.cadence).toBe('weekly');
    const documents = await oneOnOneDocuments(demo.organisationId);
    const privateNotes = [...documents.keys()].filter((name) => name.startsWith('private-notes/'));
    expect(privateNotes.sort()).toEqual(
      [`private-notes/${series.id}/${sofia.id}`, `private-notes/${series.id}/${kwame.id}`].sort(),
    );
    const doc = documents.get(`one-on-one/${series.id}`)!.doc;
    const items = actionItems(doc);
    expect(items.some((item) => isActionOverdue(item, seededOn))).toBe(true);
    expect(items.some((item) => timesCarried(doc, item) >= 2)).toBe(true);
  });
});

describe('seeded check-ins from 1:1s', () => {
  it('[DEMO35] [ONE18] [ONE20] the last held meetings check goals in, in the agenda and the goal', async () => {
    const { rows: goalRows } = await db.pool.query<{ update: Buffer }>(
      `SELECT update FROM document_updates
        WHERE organisation_id = $1 AND document_name LIKE 'goals/%' ORDER BY seq`,
      [demo.organisationId],
    );
    const tree = new Y.Doc();
    for (const row of goalRows) Y.applyUpdate(tree, row.update);
    expect(validateGoalTree(tree)).toEqual([]);
    const fromOneOnOnes = new Map<string, { goalId: string; source: unknown; value: number }>();
    for (const [id, map] of goalsRoot(tree).entries()) {
      for (const checkIn of readGoalMap(id, map).checkIns) {
        if (checkIn.source) {
          fromOneOnOnes.set(checkIn.id, {
            goalId: id,
            source: checkIn.source,
            value: checkIn.value,
          });
        }
      }
    }
    const { rows } = await db.pool.query<{
      series_id: string;
      check_in_id: string;
      goal_id: string;
      employee_id: string;
      outcome: string;
      meeting_day: string;
    }>(
      `SELECT c.series_id, c.check_in_id, c.goal_id, s.employee_id, c.outcome,
              to_char(c.meeting_day, 'YYYY-MM-DD') AS meeting_day
         FROM one_on_one_check_ins c JOIN one_on_one_series s ON s.id = c.series_id
        WHERE c.organisation_id = $1`,
      [demo.organisationId],
    );
    expect(rows.length).toBeGreaterThan(5);
    expect(fromOneOnOnes.size).toBe(rows.length);
    const documents = await oneOnOneDocuments(demo.organisationId);
    for (const row of rows) {
      expect(row.outcome).toBe('applied');
      const goal = fromOneOnOnes.get(row.check_in_id)!;
      expect(goal.goalId).toBe(row.goal_id);
      expect(goal.source).toEqual({ oneOnOne: row.series_id, on: row.meeting_day });
      expect(row.meeting_day < seededOn).toBe(true);
      const agenda = documents.get(`one-on-one/${row.series_id}`)!.doc;
      const made = checkInsOf(agenda).get(row.check_in_id)!;
      expect(made).toMatchObject({ goalId: row.goal_id, by: row.employee_id });
      // A milestone ticked is 1 in the agenda, how many are done in the goal (GOAL18).
      if (made.milestoneId === undefined) expect(made.value).toBe(goal.value);
      expect(validateAgendaDocument(agenda)).toEqual([]);
      const owner = readGoalMap(row.goal_id, goalMap(tree, row.goal_id)!).ownerId;
      expect(owner).toBe(row.employee_id);
    }
  });
});

describe('seeded calibration sessions', () => {
  async function sessions() {
    const { rows } = await db.pool.query<{
      id: string;
      status: string;
      cycle: string;
      population: number;
      proposals: number;
      participants: string[];
      published: number;
      changes: string[];
    }>(
      `SELECT s.id, s.status, c.name AS cycle,
              (SELECT count(*)::int FROM calibration_population p WHERE p.session_id = s.id)
                AS population,
              (SELECT count(*)::int FROM calibration_proposals p WHERE p.session_id = s.id)
                AS proposals,
              (SELECT array_agg(e.email || ':' || p.role ORDER BY e.email)
                 FROM calibration_participants p JOIN people e ON e.id = p.person_id
                WHERE p.session_id = s.id) AS participants,
              (SELECT count(*)::int FROM published_ratings r WHERE r.session_id = s.id)
                AS published,
              (SELECT array_agg(x.to_status ORDER BY x.changed_at)
                 FROM calibration_status_changes x WHERE x.session_id = s.id) AS changes
         FROM calibration_sessions s JOIN cycles c ON c.id = s.cycle_id
        WHERE s.organisation_id = $1 ORDER BY c.starts_on`,
      [demo.organisationId],
    );
    return rows;
  }

  it('[DEMO21] [DEMO24] an Engineering session in session now, and the previous cycle’s finalized and published', async () => {
    const [previous, current] = await sessions();
    const participants = [
      `${DEMO_ADMIN_EMAIL}:facilitator`,
      `${DEMO_DEPARTMENT_HEAD_EMAIL}:leader`,
      `${DEMO_CEO_EMAIL}:leader`,
    ].sort();
    expect(current).toMatchObject({ status: 'in_session', cycle: '2026 H2', published: 0 });
    expect(current!.participants).toEqual(participants);
    expect(current!.population).toBeGreaterThanOrEqual(40);
    expect(current!.proposals).toBe(current!.population - 3);
    expect(previous).toMatchObject({ status: 'finalized', cycle: '2026 H1' });
    expect(previous!.published).toBe(previous!.population);
    expect(previous!.changes).toEqual(['proposals', 'in_session', 'finalized']);
  });

  it('[DEMO22] [DEMO23] seeds boards and proposals the sync server’s validators accept', async () => {
    const [, current] = await sessions();
    const { rows } = await db.pool.query<{
      document_name: string;
      update: Buffer;
      person_id: string | null;
    }>(
      `SELECT document_name, update, person_id FROM document_updates
        WHERE organisation_id = $1 AND document_name LIKE 'calibration%' ORDER BY seq`,
      [demo.organisationId],
    );
    const board = new Y.Doc();
    const authors = new Set<string | null>();
    for (const row of rows.filter((r) => r.document_name === `calibration/${current!.id}`)) {
      Y.applyUpdate(board, new Uint8Array(row.update));
      authors.add(row.person_id);
    }
    expect(validateBoardDocument(board)).toEqual([]);
    expect(cardsOf(board).size).toBe(current!.population);
    const daniel = await person(DEMO_DEPARTMENT_HEAD_EMAIL);
    const maya = await person(DEMO_CEO_EMAIL);
    expect(authors).toEqual(new Set([null, daniel.id, maya.id]));
    const proposals = rows.filter((r) =>
      r.document_name.startsWith(`calibration-proposals/${current!.id}/`),
    );
    for (const row of proposals) {
      // Each manager wrote their own document, for their own reports.
      expect(row.document_name.endsWith(`/${row.person_id}`)).toBe(true);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(row.update));
      expect(validateProposalsDocument(doc)).toEqual([]);
    }
    expect(proposals.length).toBeGreaterThan(3);
  });
});

describe('seeded development plans', () => {
  it('[DEMO45] [DEMO46] [ONE42] seeds a skill list and plans whose documents and rows agree', async () => {
    const { rows: skills } = await db.pool.query(
      'SELECT name FROM skills WHERE organisation_id = $1',
      [demo.organisationId],
    );
    expect(skills).toHaveLength(12);
    const { rows } = await db.pool.query<{ document_name: string; update: Buffer }>(
      `SELECT document_name, update FROM document_updates
        WHERE organisation_id = $1 AND document_name LIKE 'development-plan/%' ORDER BY seq`,
      [demo.organisationId],
    );
    const plans = new Map<string, Y.Doc>();
    for (const row of rows) {
      const doc = plans.get(row.document_name) ?? new Y.Doc();
      plans.set(row.document_name, doc);
      Y.applyUpdate(doc, row.update);
    }
    expect(plans.size).toBeGreaterThan(20);
    let items = 0;
    for (const doc of plans.values()) {
      expect(validateDevelopmentPlanDocument(doc)).toEqual([]);
      items += itemsOf(doc).size;
    }
    const { rows: projected } = await db.pool.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM development_items WHERE organisation_id = $1',
      [demo.organisationId],
    );
    expect(projected[0]!.count).toBe(items);
  });

  it('[DEMO47] gives Kwame a plan with every status', async () => {
    const kwame = await person(DEMO_EMPLOYEE_EMAIL);
    const { rows } = await db.pool.query<{ type: string; status: string }>(
      `SELECT type, status FROM development_items WHERE person_id = $1 ORDER BY created_at, type`,
      [kwame.id],
    );
    expect(rows.map((r) => `${r.type}:${r.status}`).sort()).toEqual([
      'experience:in-progress',
      'experience:not-started',
      'formal:not-started',
      'social:done',
    ]);
  });
});

describe('listDemoAccounts', () => {
  it('[DEMO10] lists the five well-known accounts, in order, and never the reserved test accounts', async () => {
    const accounts = await listDemoAccounts(db.pool);
    expect(accounts).toEqual(
      DEMO_ACCOUNTS.map(({ email, name, title, description }) => ({
        email,
        name,
        title,
        description,
      })),
    );
    expect(accounts.map((account) => account.email)).not.toContain(DEMO_THROTTLE_TEST_EMAIL);
    expect(accounts.map((account) => account.email)).not.toContain(DEMO_DEACTIVATION_TEST_EMAIL);
  });

  it('[DEMO10] leaves out a deactivated account and shows edited names', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `UPDATE people SET status = 'deactivated', deactivated_at = now() WHERE email = $1`,
        [DEMO_EMPLOYEE_EMAIL],
      );
      await client.query(`UPDATE people SET name = 'Maya O.' WHERE email = $1`, [DEMO_CEO_EMAIL]);
      const accounts = await listDemoAccounts(client);
      expect(accounts.map((account) => account.email)).not.toContain(DEMO_EMPLOYEE_EMAIL);
      expect(accounts).toHaveLength(4);
      expect(accounts.find((account) => account.email === DEMO_CEO_EMAIL)?.name).toBe('Maya O.');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('[DEMO10] lists nobody when the organisation is not marked as the demo', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('UPDATE organisations SET is_demo = false WHERE id = $1', [
        demo.organisationId,
      ]);
      expect(await listDemoAccounts(client)).toEqual([]);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});

describe('seedOrganisation', () => {
  let bigCo: string;
  // How long seeding takes is the benchmarks' to measure, not a test's: a loaded machine took 19 s.
  it(
    '[DEMO11] writes a large organisation that is not a demo, with its admin and exact counts',
    { timeout: 120_000 },
    async () => {
      const result = await seedOrganisation(db.pool, { people: 1200, name: 'Big Co' });
      expect(result).toMatchObject({
        people: 1200,
        adminEmail: 'admin@big-co.threadline.test',
        slug: 'big-co',
      });
      const { rows } = await db.pool.query(
        `SELECT o.is_demo,
              (SELECT count(*)::int FROM people WHERE organisation_id = o.id) AS people,
              (SELECT count(*)::int FROM people WHERE organisation_id = o.id AND manager_id IS NULL) AS roots,
              (SELECT count(*)::int FROM teams WHERE organisation_id = o.id AND kind = 'department') AS departments,
              (SELECT count(*)::int FROM cycles WHERE organisation_id = o.id AND status = 'active') AS active_cycles,
              (SELECT count(*)::int FROM people
                WHERE organisation_id = o.id AND email NOT LIKE '%@big-co.threadline.test') AS foreign_emails
         FROM organisations o WHERE o.id = $1`,
        [result.organisationId],
      );
      expect(rows).toEqual([
        {
          is_demo: false,
          people: 1200,
          roots: 1,
          departments: 5,
          active_cycles: 1,
          foreign_emails: 0,
        },
      ]);
      const admin = await person(result.adminEmail);
      expect(admin).toMatchObject({
        role: 'admin',
        status: 'active',
        organisation_id: result.organisationId,
      });
      expect(await verifyPassword(admin.password_hash, DEMO_PASSWORD)).toBe(true);
      // Still only one demo organisation for the sign-in page.
      expect(await listDemoAccounts(db.pool)).toHaveLength(5);
      bigCo = result.organisationId;
    },
  );

  it(
    '[DEMO50] gives every series a year of 1:1 history in the analytics rows',
    { timeout: 60_000 },
    async () => {
      const { rows } = await db.pool.query<{
        series: number;
        from_start: number;
        a_year: number;
        moods: number;
        held: number;
        actions: number;
        never_done: number;
      }>(
        `WITH per_series AS (
         SELECT s.id, s.starts_on, s.cadence,
                (SELECT min(date) FROM one_on_one_meeting_analytics a
                  WHERE a.organisation_id = s.organisation_id AND a.series_id = s.id) AS first,
                (SELECT count(*) FROM one_on_one_meeting_analytics a
                  WHERE a.organisation_id = s.organisation_id AND a.series_id = s.id
                    AND a.meeting_id LIKE 'history-%') AS meetings
           FROM one_on_one_series s WHERE s.organisation_id = $1 AND s.ended_at IS NULL
       )
       SELECT count(*)::int AS series,
              count(*) FILTER (WHERE first = starts_on)::int AS from_start,
              count(*) FILTER (WHERE meetings = 364 / CASE cadence WHEN 'weekly' THEN 7
                                 WHEN 'biweekly' THEN 14 ELSE 28 END)::int AS a_year,
              (SELECT count(*) FROM one_on_one_mood_analytics
                WHERE organisation_id = $1 AND meeting_id LIKE 'history-%')::int AS moods,
              (SELECT count(*) FROM one_on_one_meeting_analytics
                WHERE organisation_id = $1 AND meeting_id LIKE 'history-%'
                  AND NOT cancelled)::int AS held,
              (SELECT count(*) FROM one_on_one_action_analytics
                WHERE organisation_id = $1 AND raised_on < now() - interval '12 weeks')::int
                AS actions,
              (SELECT count(*) FROM one_on_one_action_analytics
                WHERE organisation_id = $1 AND NOT done AND overdue)::int AS never_done
         FROM per_series`,
        [bigCo],
      );
      const found = rows[0]!;
      expect(found.series).toBe(1199);
      // The history reaches back to the series' start, a whole year of its cadence.
      expect(found.from_start).toBe(found.series);
      expect(found.a_year).toBe(found.series);
      // Moods in most held meetings, action items in about a third, a few never ticked.
      expect(found.moods / found.held).toBeGreaterThan(0.8);
      expect(found.moods / found.held).toBeLessThan(0.95);
      expect(found.actions / found.held).toBeGreaterThan(0.25);
      expect(found.never_done).toBeGreaterThan(0);
      expect(found.never_done / found.actions).toBeLessThan(0.05);
      // The dashboards' weekly roll-up (ANA31) holds a year of weeks.
      const weeks = await db.pool.query<{ weeks: number }>(
        'SELECT count(DISTINCT week)::int AS weeks FROM one_on_one_weeks WHERE organisation_id = $1',
        [bigCo],
      );
      expect(weeks.rows[0]!.weeks).toBeGreaterThanOrEqual(52);
    },
  );

  it('[DEMO51] calibrates every department but People & Operations in both cycles', async () => {
    const { rows } = await db.pool.query<{
      name: string;
      cycle: string;
      status: string;
      cards: number;
      moved: number;
      published: number;
    }>(
      `SELECT s.name, c.name AS cycle, s.status,
              (SELECT count(*)::int FROM calibration_population p WHERE p.session_id = s.id) AS cards,
              -- Each move is one entry of the board's log, in its mover's name.
              (SELECT count(*)::int FROM document_updates u
                WHERE u.organisation_id = s.organisation_id
                  AND u.document_name = 'calibration/' || s.id AND u.person_id IS NOT NULL)
                AS moved,
              (SELECT count(*)::int FROM published_ratings r WHERE r.session_id = s.id) AS published
         FROM calibration_sessions s JOIN cycles c ON c.id = s.cycle_id
        WHERE s.organisation_id = $1 ORDER BY s.name`,
      [bigCo],
    );
    const departments = await db.pool.query<{ name: string }>(
      `SELECT name FROM teams WHERE organisation_id = $1 AND kind = 'department'
          AND name <> 'People & Operations' ORDER BY name`,
      [bigCo],
    );
    expect(rows).toHaveLength(departments.rows.length * 2);
    for (const { name } of departments.rows) {
      const finalized = rows.find((r) => r.name === `${name} calibration, 2026 H1`);
      const inSession = rows.find((r) => r.name === `${name} calibration, 2026 H2`);
      expect(finalized).toMatchObject({ status: 'finalized' });
      expect(inSession).toMatchObject({ status: 'in_session' });
      expect(finalized!.published).toBe(finalized!.cards);
      // A tenth of the previous board moved, a twentieth of the active one (DEMO51).
      expect(finalized!.moved).toBeGreaterThanOrEqual(Math.round(finalized!.cards * 0.1) - 1);
      expect(inSession!.moved).toBeGreaterThanOrEqual(Math.round(inSession!.cards * 0.05) - 1);
      expect(inSession!.published).toBe(0);
    }
  });

  it('[DEMO11] picks a free slug when the name is taken, and refuses a taken slug given explicitly', async () => {
    const again = await seedOrganisation(db.pool, { people: 30, name: 'Big Co' });
    expect(again).toMatchObject({
      slug: 'big-co-2',
      adminEmail: 'admin@big-co-2.threadline.test',
      people: 30,
    });
    await expect(seedOrganisation(db.pool, { people: 30, slug: 'big-co' })).rejects.toThrow(
      /already exists/,
    );
    await expect(seedOrganisation(db.pool, { people: 30, slug: 'Big Co' })).rejects.toThrow(
      /not a valid slug/,
    );
  }, 60_000);

  it('turns organisation names into slugs the schema accepts', () => {
    expect(slugify('Big Co')).toBe('big-co');
    expect(slugify('  Café & Crème, Ltd. ')).toBe('cafe-creme-ltd');
    expect(slugify('!!!')).toBe('organisation');
    expect(slugify('x'.repeat(80))).toHaveLength(50);
  });
});
