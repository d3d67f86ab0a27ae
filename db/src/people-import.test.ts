import { beforeAll, describe, expect, it } from 'vitest';
import { readPeopleCsv } from '@threadline/domain/org/people-csv';
import { createOrganisation, createPerson } from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { inTransaction } from './connection.ts';
import {
  IMPORT_BATCH_SIZE,
  importPeople,
  loadImportContext,
  planImport,
  writeImportPlan,
  type ImportProgress,
} from './people-import.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

const HEADER = ['Name', 'Email', 'Title', 'Manager email', 'Team', 'Location', 'Hire date'];

function file(...rows: string[][]) {
  return readPeopleCsv([HEADER, ...rows]);
}

interface PersonRow {
  name: string;
  email: string;
  title: string;
  manager: string | null;
  team: string | null;
  location: string;
  hire_date: string | null;
  role: string;
  status: string;
}

async function peopleOf(organisationId: string): Promise<PersonRow[]> {
  const { rows } = await db.pool.query<PersonRow>(
    `SELECT p.name, p.email, p.title, m.email AS manager, t.name AS team, p.location, p.hire_date,
            p.role, p.status
       FROM people p
       LEFT JOIN people m ON m.id = p.manager_id
       LEFT JOIN teams t ON t.id = p.team_id
      WHERE p.organisation_id = $1
      ORDER BY p.email`,
    [organisationId],
  );
  return rows;
}

async function counts(organisationId: string) {
  const { rows } = await db.pool.query<{ people: number; teams: number }>(
    `SELECT (SELECT count(*)::int FROM people WHERE organisation_id = $1) AS people,
            (SELECT count(*)::int FROM teams WHERE organisation_id = $1) AS teams`,
    [organisationId],
  );
  return rows[0]!;
}

describe('importPeople', () => {
  it('[CSV11] creates invited members, with their teams and managers, in one go', async () => {
    const org = await createOrganisation(db.pool);
    const outcome = await importPeople(
      db.pool,
      org.id,
      file(
        [
          'Cy Report',
          'cy@import.test',
          'Engineer',
          'ben@import.test',
          'Platform',
          'remote',
          '2025-01-06',
        ],
        ['Ben Lead', 'BEN@import.test', 'Manager', 'ada@import.test', 'platform', 'Hybrid', ''],
        ['Ada Head', 'ada@import.test', 'CTO', '', 'Leadership', '', '2019-02-01'],
      ),
    );
    expect(outcome).toEqual({ ok: true, created: 3, updated: 0, teams: 2 });
    expect(await peopleOf(org.id)).toEqual([
      {
        name: 'Ada Head',
        email: 'ada@import.test',
        title: 'CTO',
        manager: null,
        team: 'Leadership',
        location: 'office',
        hire_date: '2019-02-01',
        role: 'member',
        status: 'invited',
      },
      {
        name: 'Ben Lead',
        email: 'ben@import.test',
        title: 'Manager',
        manager: 'ada@import.test',
        team: 'Platform',
        location: 'hybrid',
        hire_date: null,
        role: 'member',
        status: 'invited',
      },
      {
        name: 'Cy Report',
        email: 'cy@import.test',
        title: 'Engineer',
        manager: 'ben@import.test',
        team: 'Platform',
        location: 'remote',
        hire_date: '2025-01-06',
        role: 'member',
        status: 'invited',
      },
    ]);
    const { rows: teams } = await db.pool.query(
      `SELECT name, kind, parent_id FROM teams WHERE organisation_id = $1 ORDER BY name`,
      [org.id],
    );
    expect(teams).toEqual([
      { name: 'Leadership', kind: 'team', parent_id: null },
      { name: 'Platform', kind: 'team', parent_id: null },
    ]);
  });

  it('[CSV11] updates people of the organisation and keeps their name, role and status', async () => {
    const org = await createOrganisation(db.pool);
    const { rows } = await db.pool.query<{ id: string }>(
      `INSERT INTO teams (organisation_id, name, kind) VALUES ($1, 'Sales', 'team') RETURNING id`,
      [org.id],
    );
    const boss = await createPerson(db.pool, org.id, { email: 'boss@update.test', name: 'Boss' });
    await createPerson(db.pool, org.id, {
      email: 'ada@update.test',
      name: 'Ada Original',
      role: 'admin',
      managerId: boss.id,
      teamId: rows[0]!.id,
    });
    const outcome = await importPeople(
      db.pool,
      org.id,
      file(['Ada Renamed', 'Ada@Update.test', 'VP', '', 'Growth', 'remote', '2020-05-01']),
    );
    expect(outcome).toEqual({ ok: true, created: 0, updated: 1, teams: 1 });
    const ada = (await peopleOf(org.id)).find((person) => person.email === 'ada@update.test');
    expect(ada).toEqual({
      name: 'Ada Original',
      email: 'ada@update.test',
      title: 'VP',
      manager: null,
      team: 'Growth',
      location: 'remote',
      hire_date: '2020-05-01',
      role: 'admin',
      status: 'active',
    });
  });

  it('[CSV11] leaves the fields of columns the file does not have unchanged', async () => {
    const org = await createOrganisation(db.pool);
    const boss = await createPerson(db.pool, org.id, { email: 'boss@partial.test' });
    await createPerson(db.pool, org.id, { email: 'ada@partial.test', managerId: boss.id });
    await db.pool.query(
      `UPDATE people SET title = 'Designer', location = 'hybrid', hire_date = '2022-03-01'
        WHERE email = 'ada@partial.test'`,
    );
    const outcome = await importPeople(
      db.pool,
      org.id,
      readPeopleCsv([
        ['Email', 'Name', 'Team'],
        ['ada@partial.test', 'Ada', 'Design'],
      ]),
    );
    expect(outcome).toMatchObject({ ok: true, updated: 1 });
    const ada = (await peopleOf(org.id)).find((person) => person.email === 'ada@partial.test');
    expect(ada).toMatchObject({
      title: 'Designer',
      manager: 'boss@partial.test',
      team: 'Design',
      location: 'hybrid',
      hire_date: '2022-03-01',
    });
  });

  it('[CSV15] writes nothing and returns the errors when a row is invalid', async () => {
    const org = await createOrganisation(db.pool);
    const before = await counts(org.id);
    const outcome = await importPeople(
      db.pool,
      org.id,
      file(['Ada', 'ada@invalid.test', '', '', 'New team'], ['Bob', 'bob@', '', '', 'Other team']),
    );
    expect(outcome).toEqual({
      ok: false,
      errors: [{ line: 3, column: 'email', message: "email 'bob@' is not a valid address" }],
    });
    expect(await counts(org.id)).toEqual(before);
  });

  it('[CSV15] rolls everything back when the import fails half-way through', async () => {
    const org = await createOrganisation(db.pool);
    const rows = Array.from({ length: IMPORT_BATCH_SIZE + 200 }, (_, i) => [
      `Person ${i}`,
      `p${i}@halfway.test`,
      '',
      i === 0 ? '' : 'p0@halfway.test',
      `Team ${i % 3}`,
    ]);
    const seen: ImportProgress[] = [];
    const failing = importPeople(db.pool, org.id, file(...rows), (progress) => {
      seen.push(progress);
      if (progress.done > IMPORT_BATCH_SIZE) throw new Error('connection lost');
    });
    await expect(failing).rejects.toThrow('connection lost');
    expect(seen.at(-1)!.done).toBeGreaterThan(IMPORT_BATCH_SIZE);
    expect(await counts(org.id)).toEqual({ people: 0, teams: 0 });
  });

  it('[CSV15] rolls back when a write fails after the checks (a manager that is not there)', async () => {
    const org = await createOrganisation(db.pool);
    const plan = await planImport(db.pool, org.id, file(['Ada', 'ada@forged.test', '', '', 'T']));
    plan.creates[0]!.managerEmail = 'ghost@forged.test';
    await expect(
      inTransaction(db.pool, (client) => writeImportPlan(client, org.id, plan)),
    ).rejects.toThrow('A manager of the file was not found');
    expect(await counts(org.id)).toEqual({ people: 0, teams: 0 });
  });

  it('[CSV15] reports progress batch by batch up to the total', async () => {
    const org = await createOrganisation(db.pool);
    const rows = Array.from({ length: 2500 }, (_, i) => [
      `Person ${i}`,
      `p${i}@progress.test`,
      'Engineer',
      i === 0 ? '' : `p${Math.floor(i / 10)}@progress.test`,
    ]);
    const seen: ImportProgress[] = [];
    const outcome = await importPeople(db.pool, org.id, file(...rows), (p) => seen.push(p));
    expect(outcome).toEqual({ ok: true, created: 2500, updated: 0, teams: 0 });
    expect(seen.map((p) => p.done)).toEqual([0, 1000, 2000, 2500, 3500, 4500, 5000]);
    expect(new Set(seen.map((p) => p.total))).toEqual(new Set([5000]));
    const { rows: linked } = await db.pool.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM people WHERE organisation_id = $1 AND manager_id IS NOT NULL`,
      [org.id],
    );
    expect(linked[0]!.count).toBe(2499);
  });

  it('[CSV10] checks reporting loops against the reporting lines in the database', async () => {
    const org = await createOrganisation(db.pool);
    const ada = await createPerson(db.pool, org.id, { email: 'ada@loop.test' });
    await createPerson(db.pool, org.id, { email: 'boss@loop.test', managerId: ada.id });
    const outcome = await importPeople(
      db.pool,
      org.id,
      file(['Ada', 'ada@loop.test', '', 'boss@loop.test']),
    );
    expect(outcome).toEqual({
      ok: false,
      errors: [
        {
          line: 2,
          column: 'managerEmail',
          message:
            'reporting lines form a loop: ada@loop.test → boss@loop.test → ada@loop.test (line 2)',
        },
      ],
    });
  });
});

describe('organisation scoping', () => {
  it('[CSV6] refuses an email of another organisation and leaves that person alone', async () => {
    const mine = await createOrganisation(db.pool, 'Mine');
    const theirs = await createOrganisation(db.pool, 'Theirs');
    await createPerson(db.pool, theirs.id, { email: 'taken@scope.test', name: 'Theirs' });
    const outcome = await importPeople(db.pool, mine.id, file(['Mine', 'Taken@scope.test', 'CEO']));
    expect(outcome).toEqual({
      ok: false,
      errors: [
        {
          line: 2,
          column: 'email',
          message: "email 'taken@scope.test' belongs to an account in another organisation",
        },
      ],
    });
    expect(await peopleOf(theirs.id)).toMatchObject([{ name: 'Theirs', title: '' }]);
    expect(await counts(mine.id)).toEqual({ people: 0, teams: 0 });
  });

  it('[CSV9] does not accept a manager who belongs to another organisation', async () => {
    const mine = await createOrganisation(db.pool, 'Mine');
    const theirs = await createOrganisation(db.pool, 'Theirs');
    await createPerson(db.pool, theirs.id, { email: 'boss@elsewhere.test' });
    const outcome = await importPeople(
      db.pool,
      mine.id,
      file(['Ada', 'ada@scope2.test', '', 'boss@elsewhere.test']),
    );
    expect(outcome).toMatchObject({
      ok: false,
      errors: [{ line: 2, column: 'managerEmail' }],
    });
  });

  it('[ORG1] reads only the organisation’s own people and teams as context', async () => {
    const mine = await createOrganisation(db.pool, 'Mine');
    const theirs = await createOrganisation(db.pool, 'Theirs');
    await createPerson(db.pool, mine.id, { email: 'me@context.test' });
    await createPerson(db.pool, theirs.id, { email: 'them@context.test' });
    await db.pool.query(
      `INSERT INTO teams (organisation_id, name, kind) VALUES ($1, 'Theirs', 'team')`,
      [theirs.id],
    );
    const context = await loadImportContext(db.pool, mine.id, [
      'them@context.test',
      'new@context.test',
    ]);
    expect([...context.people.keys()]).toEqual(['me@context.test']);
    expect([...context.teams]).toEqual([]);
    expect([...context.emailsInOtherOrganisations]).toEqual(['them@context.test']);
  });

  it('[CSV12] uses a team of the same name in its own organisation, never another’s', async () => {
    const mine = await createOrganisation(db.pool, 'Mine');
    const theirs = await createOrganisation(db.pool, 'Theirs');
    await db.pool.query(
      `INSERT INTO teams (organisation_id, name, kind) VALUES ($1, 'Shared', 'team')`,
      [theirs.id],
    );
    const outcome = await importPeople(
      db.pool,
      mine.id,
      file(['Ada', 'ada@teams.test', '', '', 'shared']),
    );
    expect(outcome).toEqual({ ok: true, created: 1, updated: 0, teams: 1 });
    const { rows } = await db.pool.query(
      `SELECT t.organisation_id FROM people p JOIN teams t ON t.id = p.team_id WHERE p.email = $1`,
      ['ada@teams.test'],
    );
    expect(rows).toEqual([{ organisation_id: mine.id }]);
  });
});
