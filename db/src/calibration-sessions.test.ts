import { beforeAll, describe, expect, it } from 'vitest';
import {
  defaultBands,
  defaultGuideline,
  defaultScale,
  type SessionConfig,
} from '@threadline/domain/calibration/session-config';
import { createOrganisation, createPerson } from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import {
  createSession,
  getSession,
  listSessionsFor,
  missingProposals,
  openProposals,
  publishedRatingsFor,
  updateSession,
} from './calibration-sessions.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

async function insertOne(sql: string, values: unknown[]): Promise<string> {
  const { rows } = await db.pool.query<{ id: string }>(sql, values);
  return rows[0]!.id;
}

/** An organisation with Engineering → Platform → Storage, a manager and three reports. */
async function organisation() {
  const org = await createOrganisation(db.pool);
  const cycle = await insertOne(
    `INSERT INTO cycles (organisation_id, name, starts_on, ends_on, status)
     VALUES ($1, '2026 H2', '2026-07-01', '2026-12-31', 'active') RETURNING id`,
    [org.id],
  );
  const team = (name: string, kind: string, parent: string | null) =>
    insertOne(
      `INSERT INTO teams (organisation_id, name, kind, parent_id) VALUES ($1, $2, $3, $4)
       RETURNING id`,
      [org.id, name, kind, parent],
    );
  const engineering = await team('Engineering', 'department', null);
  const platform = await team('Platform', 'team', engineering);
  const storage = await team('Storage', 'team', platform);
  const sales = await team('Sales', 'department', null);
  const admin = await createPerson(db.pool, org.id, { name: 'Ada Admin', role: 'admin' });
  const hr = await createPerson(db.pool, org.id, { name: 'Hana HR' });
  const manager = await createPerson(db.pool, org.id, { name: 'Maya Manager', teamId: platform });
  const kwame = await createPerson(db.pool, org.id, {
    name: 'Kwame',
    managerId: manager.id,
    teamId: platform,
  });
  const lena = await createPerson(db.pool, org.id, {
    name: 'Lena',
    managerId: manager.id,
    teamId: storage,
  });
  const gone = await createPerson(db.pool, org.id, {
    name: 'Gone',
    managerId: manager.id,
    teamId: storage,
    status: 'deactivated',
  });
  const seller = await createPerson(db.pool, org.id, { name: 'Sam Seller', teamId: sales });
  return {
    org,
    cycle,
    teams: { engineering, platform, storage, sales },
    people: { admin, hr, manager, kwame, lena, gone, seller },
  };
}

type Org = Awaited<ReturnType<typeof organisation>>;

function config(o: Org, overrides: Partial<SessionConfig> = {}): SessionConfig {
  return {
    name: 'Engineering 2026 H2',
    cycleId: o.cycle,
    scale: defaultScale(),
    performanceBands: defaultBands(5),
    guideline: defaultGuideline(5),
    population: { kind: 'team', teamId: o.teams.engineering },
    participants: [
      { personId: o.people.hr.id, role: 'facilitator' },
      { personId: o.people.manager.id, role: 'leader' },
    ],
    ...overrides,
  };
}

async function created(o: Org, overrides: Partial<SessionConfig> = {}) {
  const outcome = await createSession(db.pool, o.org.id, o.people.admin.id, config(o, overrides));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value.id;
}

async function sessionCount(organisationId: string) {
  const { rows } = await db.pool.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM calibration_sessions WHERE organisation_id = $1`,
    [organisationId],
  );
  return rows[0]!.count;
}

describe('calibration sessions', () => {
  it('[CAL5] a department calibrates everyone under it, at any depth, not the deactivated', async () => {
    const o = await organisation();
    const id = await created(o);
    const session = await getSession(db.pool, o.org.id, id);
    expect(session).toMatchObject({
      name: 'Engineering 2026 H2',
      status: 'draft',
      cycleName: '2026 H2',
      scale: defaultScale(),
      performanceBands: { low: [1, 2], medium: [3], high: [4, 5] },
      guideline: defaultGuideline(5),
      populationTeam: { id: o.teams.engineering, name: 'Engineering' },
      statusChanges: [],
    });
    expect(session!.population.map((person) => person.name)).toEqual([
      'Kwame',
      'Lena',
      'Maya Manager',
    ]);
    expect(session!.population[0]).toMatchObject({
      managerName: 'Maya Manager',
      teamName: 'Platform',
    });
    expect(session!.participants).toEqual([
      { id: o.people.manager.id, name: 'Maya Manager', title: '', role: 'leader' },
      { id: o.people.hr.id, name: 'Hana HR', title: '', role: 'facilitator' },
    ]);
  });

  it('[CAL5] people picked one by one are the population', async () => {
    const o = await organisation();
    const id = await created(o, {
      population: { kind: 'people', personIds: [o.people.seller.id, o.people.kwame.id] },
    });
    const session = await getSession(db.pool, o.org.id, id);
    expect(session!.populationTeam).toBeNull();
    expect(session!.population.map((person) => person.name)).toEqual(['Kwame', 'Sam Seller']);
  });

  it('[CAL5] refuses an empty team and people of another organisation, writing nothing', async () => {
    const o = await organisation();
    const other = await organisation();
    const empty = await insertOne(
      `INSERT INTO teams (organisation_id, name, kind) VALUES ($1, 'Empty', 'department')
       RETURNING id`,
      [o.org.id],
    );
    expect(
      await createSession(db.pool, o.org.id, o.people.admin.id, {
        ...config(o),
        population: { kind: 'team', teamId: empty },
      }),
    ).toEqual({
      ok: false,
      errors: { population: 'The population is empty: choose a team with people, or people.' },
    });
    expect(
      await createSession(db.pool, o.org.id, o.people.admin.id, {
        ...config(o),
        population: { kind: 'people', personIds: [o.people.kwame.id, other.people.kwame.id] },
      }),
    ).toEqual({
      ok: false,
      errors: {
        population: 'Someone in the population is not an active member of your organisation.',
      },
    });
    expect(
      await createSession(db.pool, o.org.id, o.people.admin.id, {
        ...config(o),
        population: { kind: 'team', teamId: other.teams.engineering },
      }),
    ).toEqual({
      ok: false,
      errors: { population: 'Choose a department or team from the list.' },
    });
    expect(await sessionCount(o.org.id)).toBe(0);
  });

  it('[CAL6] refuses a participant from another organisation or deactivated', async () => {
    const o = await organisation();
    const other = await organisation();
    for (const personId of [other.people.hr.id, o.people.gone.id, 'not-a-uuid']) {
      expect(
        await createSession(db.pool, o.org.id, o.people.admin.id, {
          ...config(o),
          participants: [
            { personId: o.people.hr.id, role: 'facilitator' },
            { personId, role: 'leader' },
          ],
        }),
      ).toEqual({
        ok: false,
        errors: { participants: 'A participant is not an active member of your organisation.' },
      });
    }
    expect(await sessionCount(o.org.id)).toBe(0);
  });

  it('[CAL4] refuses a cycle of another organisation', async () => {
    const o = await organisation();
    const other = await organisation();
    expect(
      await createSession(
        db.pool,
        o.org.id,
        o.people.admin.id,
        config(o, { cycleId: other.cycle }),
      ),
    ).toEqual({ ok: false, errors: { cycleId: 'Choose a cycle from the list.' } });
  });

  it('[CAL8] edits a draft, population resolved again, and refuses edits once proposals open', async () => {
    const o = await organisation();
    const id = await created(o);
    const edited = await updateSession(
      db.pool,
      o.org.id,
      id,
      config(o, { name: 'Platform only', population: { kind: 'team', teamId: o.teams.storage } }),
    );
    expect(edited).toEqual({ ok: true, value: { id } });
    const session = await getSession(db.pool, o.org.id, id);
    expect(session!.name).toBe('Platform only');
    expect(session!.population.map((person) => person.name)).toEqual(['Lena']);

    await openProposals(db.pool, o.org.id, id, { id: o.people.admin.id, role: 'admin' });
    expect(await updateSession(db.pool, o.org.id, id, config(o, { name: 'Later' }))).toEqual({
      ok: false,
      errors: { form: 'Proposals have opened: the session’s configuration can no longer change.' },
    });
    expect((await getSession(db.pool, o.org.id, id))!.name).toBe('Platform only');
  });

  it('[CAL7] [CAL9] opening proposals is recorded; a leader may not, nor twice', async () => {
    const o = await organisation();
    const id = await created(o);
    expect(
      await openProposals(db.pool, o.org.id, id, { id: o.people.manager.id, role: 'member' }),
    ).toEqual({
      ok: false,
      errors: { form: 'Only an administrator or a facilitator of this session can do this.' },
    });
    expect(
      await openProposals(db.pool, o.org.id, id, { id: o.people.hr.id, role: 'member' }),
    ).toEqual({ ok: true, value: { id } });
    expect(
      await openProposals(db.pool, o.org.id, id, { id: o.people.hr.id, role: 'member' }),
    ).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/cannot go/) } });
    const session = await getSession(db.pool, o.org.id, id);
    expect(session!.status).toBe('proposals');
    expect(session!.statusChanges).toEqual([
      { from: 'draft', to: 'proposals', byName: 'Hana HR', reason: '', at: expect.any(String) },
    ]);
  });

  it('[CAL40] lists what each person takes part in or proposes for; admins see all', async () => {
    const o = await organisation();
    const draft = await created(o, { name: 'Draft' });
    const open = await created(o, {
      name: 'Open',
      participants: [{ personId: o.people.hr.id, role: 'facilitator' }],
    });
    await openProposals(db.pool, o.org.id, open, { id: o.people.admin.id, role: 'admin' });
    const names = async (viewer: { id: string }, role: 'admin' | 'member' = 'member') =>
      (await listSessionsFor(db.pool, o.org.id, { id: viewer.id, role })).map(
        (session) => `${session.name}:${session.myPart}`,
      );
    expect(await names(o.people.admin, 'admin')).toEqual(['Open:null', 'Draft:null']);
    expect(await names(o.people.hr)).toEqual(['Open:facilitator', 'Draft:facilitator']);
    // Maya leads the draft and proposes for her reports in the open one.
    expect(await names(o.people.manager)).toEqual(['Open:proposer', 'Draft:leader']);
    expect(await names(o.people.kwame)).toEqual([]);
    expect(await names(o.people.seller)).toEqual([]);
    expect(await getSession(db.pool, o.org.id, draft)).toBeDefined();
    const other = await organisation();
    expect(await getSession(db.pool, other.org.id, draft)).toBeUndefined();
    expect(
      await listSessionsFor(db.pool, other.org.id, { id: other.people.admin.id, role: 'admin' }),
    ).toEqual([]);
  });

  it('[CAL41] missing proposals: people without one, grouped by manager, no manager last', async () => {
    const o = await organisation();
    const id = await created(o, {
      population: {
        kind: 'people',
        personIds: [o.people.kwame.id, o.people.lena.id, o.people.manager.id],
      },
    });
    await db.pool.query(
      `INSERT INTO calibration_proposals (organisation_id, session_id, person_id, manager_id,
                                          rating, potential)
       VALUES ($1, $2, $3, $4, 3, 'medium')`,
      [o.org.id, id, o.people.kwame.id, o.people.manager.id],
    );
    expect(await missingProposals(db.pool, o.org.id, id)).toEqual([
      {
        manager: { id: o.people.manager.id, name: 'Maya Manager' },
        people: [{ id: o.people.lena.id, name: 'Lena', title: '' }],
      },
      { manager: null, people: [{ id: o.people.manager.id, name: 'Maya Manager', title: '' }] },
    ]);
    const other = await organisation();
    expect(await missingProposals(db.pool, other.org.id, id)).toEqual([]);
  });

  it('[CAL45] a person sees their own published rating and their reports’, nobody else’s', async () => {
    const o = await organisation();
    const id = await created(o);
    const publish = (personId: string, rating: number, box: number) =>
      db.pool.query(
        `INSERT INTO published_ratings (organisation_id, cycle_id, person_id, session_id, rating,
                                        rating_label, performance, potential, box)
         VALUES ($1, $2, $3, $4, $5, 'Label', 'medium', 'high', $6)`,
        [o.org.id, o.cycle, personId, id, rating, box],
      );
    await publish(o.people.kwame.id, 3, 6);
    await publish(o.people.manager.id, 5, 9);
    const kwame = await publishedRatingsFor(db.pool, o.org.id, o.people.kwame.id);
    expect(kwame.mine.map((r) => [r.personName, r.rating, r.box, r.cycleName])).toEqual([
      ['Kwame', 3, 6, '2026 H2'],
    ]);
    expect(kwame.reports).toEqual([]);
    const maya = await publishedRatingsFor(db.pool, o.org.id, o.people.manager.id);
    expect(maya.mine.map((r) => r.rating)).toEqual([5]);
    expect(maya.reports.map((r) => r.personName)).toEqual(['Kwame']);
    expect(await publishedRatingsFor(db.pool, o.org.id, o.people.lena.id)).toEqual({
      mine: [],
      reports: [],
    });
  });
});
