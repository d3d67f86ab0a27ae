import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonEdit } from '@threadline/domain/org/person-fields';
import { createOrganisation, createPerson } from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { findInvitation } from './invitations.ts';
import {
  containsPattern,
  deactivatePerson,
  getPerson,
  invitePerson,
  listOrgChart,
  listOrgChartLevel,
  listPeople,
  reactivatePerson,
  resendInvitation,
  searchPeople,
  updatePerson,
} from './people.ts';
import { createSession, generateSessionToken, validateSessionToken } from './sessions.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

async function team(organisationId: string, name: string, kind: string, parentId?: string) {
  const { rows } = await db.pool.query<{ id: string }>(
    `INSERT INTO teams (organisation_id, name, kind, parent_id) VALUES ($1, $2, $3, $4)
     RETURNING id`,
    [organisationId, name, kind, parentId ?? null],
  );
  return rows[0]!.id;
}

function editOf(person: { name: string }, changes: Partial<PersonEdit> = {}): PersonEdit {
  return {
    name: person.name,
    title: '',
    role: 'member',
    managerId: null,
    teamId: null,
    location: 'office',
    hireDate: null,
    jobLevel: '',
    payRangePosition: null,
    ...changes,
  };
}

async function statusOf(personId: string) {
  const { rows } = await db.pool.query(
    'SELECT status, manager_id, role FROM people WHERE id = $1',
    [personId],
  );
  return rows[0];
}

describe('listing people', () => {
  it('searches name, email and title of one organisation only', async () => {
    const org = await createOrganisation(db.pool);
    const other = await createOrganisation(db.pool);
    await createPerson(db.pool, org.id, { name: 'Grace Hopper', email: 'grace@navy.test' });
    const byTitle = await createPerson(db.pool, org.id, { name: 'Alan' });
    await db.pool.query(`UPDATE people SET title = 'Compiler lead' WHERE id = $1`, [byTitle.id]);
    await createPerson(db.pool, other.id, { name: 'Grace Other' });

    const byName = await listPeople(db.pool, org.id, { search: 'grace' });
    expect(byName.people.map((p) => p.name)).toEqual(['Grace Hopper']);
    expect(byName.total).toBe(1);
    expect((await listPeople(db.pool, org.id, { search: 'NAVY.test' })).total).toBe(1);
    expect((await listPeople(db.pool, org.id, { search: 'compiler' })).people[0]?.id).toBe(
      byTitle.id,
    );
  });

  it('takes % and _ in a search literally', async () => {
    const org = await createOrganisation(db.pool);
    await createPerson(db.pool, org.id, { name: 'Under_score' });
    await createPerson(db.pool, org.id, { name: 'Underxscore' });
    await createPerson(db.pool, org.id, { name: '100% Sure' });
    expect(
      (await listPeople(db.pool, org.id, { search: 'under_' })).people.map((p) => p.name),
    ).toEqual(['Under_score']);
    expect((await listPeople(db.pool, org.id, { search: '%' })).people.map((p) => p.name)).toEqual([
      '100% Sure',
    ]);
    expect(containsPattern('a\\b')).toBe('%a\\\\b%');
  });

  it('filters by status and by team, a department including its teams', async () => {
    const org = await createOrganisation(db.pool);
    const department = await team(org.id, 'Engineering', 'department');
    const platform = await team(org.id, 'Platform', 'team', department);
    const head = await createPerson(db.pool, org.id, { name: 'Head', teamId: department });
    const dev = await createPerson(db.pool, org.id, { name: 'Dev', teamId: platform });
    const loner = await createPerson(db.pool, org.id, { name: 'Loner', status: 'invited' });

    const ids = async (query: Parameters<typeof listPeople>[2]) =>
      (await listPeople(db.pool, org.id, query)).people.map((p) => p.id);
    expect(await ids({ teamId: department })).toEqual([dev.id, head.id]);
    expect(await ids({ teamId: platform })).toEqual([dev.id]);
    expect(await ids({ teamId: 'none' })).toEqual([loner.id]);
    expect(await ids({ status: 'invited' })).toEqual([loner.id]);
  });

  it('pages 50 at a time with the total, sorted by name either way', async () => {
    const org = await createOrganisation(db.pool);
    for (let i = 0; i < 53; i += 1) {
      await createPerson(db.pool, org.id, { name: `Person ${String(i).padStart(2, '0')}` });
    }
    const first = await listPeople(db.pool, org.id, { page: 1 });
    expect(first.people).toHaveLength(50);
    expect(first.total).toBe(53);
    expect(first.people[0]?.name).toBe('Person 00');
    const second = await listPeople(db.pool, org.id, { page: 2 });
    expect(second.people.map((p) => p.name)).toEqual(['Person 50', 'Person 51', 'Person 52']);
    const descending = await listPeople(db.pool, org.id, { sort: '-name', page: 1 });
    expect(descending.people[0]?.name).toBe('Person 52');
    expect((await listPeople(db.pool, org.id, { page: 9 })).total).toBe(53);
  });

  it('shows the team and the manager, marking a deactivated manager', async () => {
    const org = await createOrganisation(db.pool);
    const teamId = await team(org.id, 'Sales', 'department');
    const boss = await createPerson(db.pool, org.id, { name: 'Boss', status: 'deactivated' });
    const report = await createPerson(db.pool, org.id, {
      name: 'Report',
      managerId: boss.id,
      teamId,
    });
    const [row] = (await listPeople(db.pool, org.id, { search: 'Report' })).people;
    expect(row).toMatchObject({
      id: report.id,
      team: { id: teamId, name: 'Sales' },
      manager: { id: boss.id, name: 'Boss', status: 'deactivated' },
    });
  });
});

describe('finding people', () => {
  it('cannot read another organisation’s person', async () => {
    const org = await createOrganisation(db.pool);
    const other = await createOrganisation(db.pool);
    const stranger = await createPerson(db.pool, other.id, { name: 'Stranger' });
    expect(await getPerson(db.pool, org.id, stranger.id)).toBeNull();
    expect(await getPerson(db.pool, other.id, stranger.id)).toMatchObject({ name: 'Stranger' });
    expect(await searchPeople(db.pool, org.id, 'Stranger')).toEqual([]);
  });

  it('offers people who are not deactivated as managers, leaving out the person edited', async () => {
    const org = await createOrganisation(db.pool);
    const a = await createPerson(db.pool, org.id, { name: 'Sam Active' });
    await createPerson(db.pool, org.id, { name: 'Sam Gone', status: 'deactivated' });
    const b = await createPerson(db.pool, org.id, { name: 'Sam Invited', status: 'invited' });
    const found = await searchPeople(db.pool, org.id, 'sam', { excludeId: a.id });
    expect(found.map((p) => p.id)).toEqual([b.id]);
  });

  it('[ORG20] finds people whatever accents and case the search or the name has', async () => {
    const org = await createOrganisation(db.pool);
    const sofia = await createPerson(db.pool, org.id, { name: 'Sofía Hernández' });
    const jose = await createPerson(db.pool, org.id, { name: 'Jose Núñez', status: 'invited' });
    const ids = (people: { id: string }[]) => people.map((p) => p.id);
    expect(ids(await searchPeople(db.pool, org.id, 'sofia hernandez'))).toEqual([sofia.id]);
    expect(ids(await searchPeople(db.pool, org.id, 'HERNÁNDEZ'))).toEqual([sofia.id]);
    expect(ids(await searchPeople(db.pool, org.id, 'josé'))).toEqual([jose.id]);
    expect(ids(await searchPeople(db.pool, org.id, 'nunez'))).toEqual([jose.id]);
    expect(ids(await searchPeople(db.pool, org.id, 'sofía z'))).toEqual([]);
    expect(ids((await listPeople(db.pool, org.id, { search: 'Nunez' })).people)).toEqual([jose.id]);
  });
});

describe('inviting people', () => {
  it('[ORG13] adds an invited person without a password and a working link', async () => {
    const org = await createOrganisation(db.pool);
    const admin = await createPerson(db.pool, org.id, { role: 'admin' });
    const result = await invitePerson(db.pool, org.id, admin.id, {
      name: 'New Person',
      email: 'new.person@example.test',
      title: 'Designer',
      role: 'member',
      managerId: admin.id,
      teamId: null,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const person = await getPerson(db.pool, org.id, result.value.personId);
    expect(person).toMatchObject({
      status: 'invited',
      hasPassword: false,
      manager: { id: admin.id },
      title: 'Designer',
    });
    expect(person?.invitationExpiresAt?.getTime()).toBe(
      result.value.invitation.expiresAt.getTime(),
    );
    const lookup = await findInvitation(db.pool, result.value.invitation.token);
    expect(lookup).toMatchObject({
      status: 'valid',
      invitation: { personId: result.value.personId },
    });
  });

  it('reports a duplicate email as a field error and writes nothing', async () => {
    const org = await createOrganisation(db.pool);
    const admin = await createPerson(db.pool, org.id, { role: 'admin' });
    const existing = await createPerson(db.pool, org.id, { email: 'taken@example.test' });
    const result = await invitePerson(db.pool, org.id, admin.id, {
      name: 'Copy',
      email: 'TAKEN@example.test',
      title: '',
      role: 'member',
      managerId: null,
      teamId: null,
    });
    expect(result).toEqual({
      ok: false,
      errors: { email: 'This email address already belongs to an account.' },
    });
    expect((await listPeople(db.pool, org.id)).people.map((p) => p.id).sort()).toEqual(
      [admin.id, existing.id].sort(),
    );
  });

  it('refuses a manager or team from another organisation', async () => {
    const org = await createOrganisation(db.pool);
    const other = await createOrganisation(db.pool);
    const admin = await createPerson(db.pool, org.id, { role: 'admin' });
    const stranger = await createPerson(db.pool, other.id);
    const strangerTeam = await team(other.id, 'Elsewhere', 'department');
    const fields = { name: 'X', title: '', role: 'member' as const, teamId: null, managerId: null };
    expect(
      await invitePerson(db.pool, org.id, admin.id, {
        ...fields,
        email: 'x1@example.test',
        managerId: stranger.id,
      }),
    ).toMatchObject({ ok: false, errors: { managerId: 'Choose a manager from the list.' } });
    expect(
      await invitePerson(db.pool, org.id, admin.id, {
        ...fields,
        email: 'x2@example.test',
        teamId: strangerTeam,
      }),
    ).toMatchObject({ ok: false, errors: { teamId: 'Choose a team from the list.' } });
  });

  it('[ORG13] a resent invitation revokes the older link', async () => {
    const org = await createOrganisation(db.pool);
    const admin = await createPerson(db.pool, org.id, { role: 'admin' });
    const invited = await invitePerson(db.pool, org.id, admin.id, {
      name: 'Resend Me',
      email: 'resend@example.test',
      title: '',
      role: 'member',
      managerId: null,
      teamId: null,
    });
    if (!invited.ok) throw new Error('invite failed');
    const again = await resendInvitation(db.pool, org.id, invited.value.personId, admin.id);
    if (!again.ok) throw new Error('resend failed');
    expect(await findInvitation(db.pool, invited.value.invitation.token)).toEqual({
      status: 'unknown',
    });
    expect(await findInvitation(db.pool, again.value.token)).toMatchObject({ status: 'valid' });
  });

  it('[ORG13] refuses to resend to someone who joined, or in another organisation', async () => {
    const org = await createOrganisation(db.pool);
    const other = await createOrganisation(db.pool);
    const admin = await createPerson(db.pool, org.id, { role: 'admin' });
    const joined = await createPerson(db.pool, org.id);
    const strangerInvited = await createPerson(db.pool, other.id, { status: 'invited' });
    expect(await resendInvitation(db.pool, org.id, joined.id, admin.id)).toEqual({
      ok: false,
      errors: { form: 'This person has already joined.' },
    });
    expect(await resendInvitation(db.pool, org.id, strangerInvited.id, admin.id)).toMatchObject({
      ok: false,
    });
  });
});

describe('editing people', () => {
  it('saves every field', async () => {
    const org = await createOrganisation(db.pool);
    const teamId = await team(org.id, 'Ops', 'department');
    const boss = await createPerson(db.pool, org.id);
    const person = await createPerson(db.pool, org.id, { name: 'Before' });
    const result = await updatePerson(db.pool, org.id, person.id, {
      name: 'After',
      title: 'Lead',
      role: 'admin',
      managerId: boss.id,
      teamId,
      location: 'remote',
      hireDate: '2023-05-02',
      jobLevel: 'L5',
      payRangePosition: 1.05,
    });
    expect(result).toEqual({ ok: true, value: null });
    expect(await getPerson(db.pool, org.id, person.id)).toMatchObject({
      name: 'After',
      title: 'Lead',
      role: 'admin',
      manager: { id: boss.id },
      team: { id: teamId },
      location: 'remote',
      hireDate: '2023-05-02',
      jobLevel: 'L5',
      payRangePosition: 1.05,
    });
  });

  it('[ORG2] refuses making a person their own manager', async () => {
    const org = await createOrganisation(db.pool);
    const person = await createPerson(db.pool, org.id);
    expect(
      await updatePerson(db.pool, org.id, person.id, editOf(person, { managerId: person.id })),
    ).toMatchObject({ ok: false, errors: { managerId: 'Nobody can be their own manager.' } });
  });

  it('[ORG3] refuses a manager change that would create a reporting loop', async () => {
    const org = await createOrganisation(db.pool);
    const top = await createPerson(db.pool, org.id, { name: 'Top' });
    const middle = await createPerson(db.pool, org.id, { name: 'Middle', managerId: top.id });
    const bottom = await createPerson(db.pool, org.id, { name: 'Bottom', managerId: middle.id });
    const result = await updatePerson(
      db.pool,
      org.id,
      top.id,
      editOf(top, { managerId: bottom.id }),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: { managerId: expect.stringMatching(/loop/) },
    });
    expect((await statusOf(top.id)).manager_id).toBeNull();
  });

  it('[ORG3] lets only one of two concurrent opposite manager changes through', async () => {
    const org = await createOrganisation(db.pool);
    // Several pairs at once, so the two changes of a pair really do overlap in time.
    const pairs = await Promise.all(
      Array.from({ length: 8 }, async () => [
        await createPerson(db.pool, org.id, { name: 'A' }),
        await createPerson(db.pool, org.id, { name: 'B' }),
      ]),
    );
    await Promise.all(
      pairs.flatMap(([a, b]) => [
        updatePerson(db.pool, org.id, a!.id, editOf(a!, { managerId: b!.id })),
        updatePerson(db.pool, org.id, b!.id, editOf(b!, { managerId: a!.id })),
      ]),
    );
    for (const [a, b] of pairs) {
      const lines = [(await statusOf(a!.id)).manager_id, (await statusOf(b!.id)).manager_id];
      expect(lines.filter((line) => line !== null)).toHaveLength(1);
    }
  });

  it('[ORG14] refuses a deactivated person as a new manager', async () => {
    const org = await createOrganisation(db.pool);
    const gone = await createPerson(db.pool, org.id, { status: 'deactivated' });
    const person = await createPerson(db.pool, org.id);
    expect(
      await updatePerson(db.pool, org.id, person.id, editOf(person, { managerId: gone.id })),
    ).toMatchObject({ ok: false, errors: { managerId: expect.any(String) } });
  });

  it('[ORG4] refuses removing the admin role from the last active admin', async () => {
    const org = await createOrganisation(db.pool);
    const admin = await createPerson(db.pool, org.id, { role: 'admin' });
    const result = await updatePerson(db.pool, org.id, admin.id, editOf(admin, { role: 'member' }));
    expect(result).toMatchObject({ ok: false, errors: { role: expect.stringMatching(/last/) } });
    await createPerson(db.pool, org.id, { role: 'admin' });
    expect(
      await updatePerson(db.pool, org.id, admin.id, editOf(admin, { role: 'member' })),
    ).toEqual({ ok: true, value: null });
  });

  it('cannot modify another organisation’s person, nor point at its people or teams', async () => {
    const org = await createOrganisation(db.pool);
    const other = await createOrganisation(db.pool);
    const mine = await createPerson(db.pool, org.id);
    const stranger = await createPerson(db.pool, other.id, { name: 'Stranger' });
    const strangerTeam = await team(other.id, 'Theirs', 'department');
    expect(
      await updatePerson(db.pool, org.id, stranger.id, editOf(stranger, { name: 'Hijacked' })),
    ).toMatchObject({ ok: false });
    expect((await getPerson(db.pool, other.id, stranger.id))?.name).toBe('Stranger');
    expect(
      await updatePerson(db.pool, org.id, mine.id, editOf(mine, { managerId: stranger.id })),
    ).toMatchObject({ ok: false, errors: { managerId: 'Choose a manager from the list.' } });
    expect(
      await updatePerson(db.pool, org.id, mine.id, editOf(mine, { teamId: strangerTeam })),
    ).toMatchObject({ ok: false, errors: { teamId: 'Choose a team from the list.' } });
  });
});

describe('deactivating people', () => {
  it('[ORG12] deactivates, ends every session at once and keeps the reports’ manager link', async () => {
    const org = await createOrganisation(db.pool);
    const admin = await createPerson(db.pool, org.id, { role: 'admin' });
    const person = await createPerson(db.pool, org.id, { passwordHash: 'x' });
    const report = await createPerson(db.pool, org.id, { managerId: person.id });
    const tokens = [generateSessionToken(), generateSessionToken()];
    for (const token of tokens) await createSession(db.pool, token, person);

    const result = await deactivatePerson(db.pool, org.id, admin.id, person.id);
    expect(result).toEqual({ ok: true, value: { directReportCount: 1 } });
    expect((await statusOf(person.id)).status).toBe('deactivated');
    const { rowCount } = await db.pool.query('SELECT 1 FROM sessions WHERE person_id = $1', [
      person.id,
    ]);
    expect(rowCount).toBe(0);
    for (const token of tokens) expect(await validateSessionToken(db.pool, token)).toBeNull();
    expect((await statusOf(report.id)).manager_id).toBe(person.id);
  });

  it('[ORG12] revokes an unused invitation link', async () => {
    const org = await createOrganisation(db.pool);
    const admin = await createPerson(db.pool, org.id, { role: 'admin' });
    const invited = await invitePerson(db.pool, org.id, admin.id, {
      name: 'Never Joins',
      email: 'never@example.test',
      title: '',
      role: 'member',
      managerId: null,
      teamId: null,
    });
    if (!invited.ok) throw new Error('invite failed');
    await deactivatePerson(db.pool, org.id, admin.id, invited.value.personId);
    await reactivatePerson(db.pool, org.id, invited.value.personId);
    expect(await findInvitation(db.pool, invited.value.invitation.token)).toEqual({
      status: 'unknown',
    });
  });

  it('[ORG5] refuses an admin deactivating themselves', async () => {
    const org = await createOrganisation(db.pool);
    const admin = await createPerson(db.pool, org.id, { role: 'admin' });
    await createPerson(db.pool, org.id, { role: 'admin' });
    expect(await deactivatePerson(db.pool, org.id, admin.id, admin.id)).toMatchObject({
      ok: false,
      errors: { form: expect.stringMatching(/yourself/) },
    });
    expect((await statusOf(admin.id)).status).toBe('active');
  });

  it('[ORG4] refuses deactivating the last active admin', async () => {
    const org = await createOrganisation(db.pool);
    const admin = await createPerson(db.pool, org.id, { role: 'admin' });
    const member = await createPerson(db.pool, org.id);
    expect(await deactivatePerson(db.pool, org.id, member.id, admin.id)).toMatchObject({
      ok: false,
      errors: { form: expect.stringMatching(/last active administrator/) },
    });
  });

  it('[ORG12] reactivates to active with a password, to invited without one', async () => {
    const org = await createOrganisation(db.pool);
    const withPassword = await createPerson(db.pool, org.id, {
      status: 'deactivated',
      passwordHash: 'x',
    });
    const without = await createPerson(db.pool, org.id, { status: 'deactivated' });
    expect(await reactivatePerson(db.pool, org.id, withPassword.id)).toEqual({
      ok: true,
      value: { status: 'active' },
    });
    expect(await reactivatePerson(db.pool, org.id, without.id)).toEqual({
      ok: true,
      value: { status: 'invited' },
    });
    const { rows } = await db.pool.query('SELECT deactivated_at FROM people WHERE id = $1', [
      without.id,
    ]);
    expect(rows[0].deactivated_at).toBeNull();
  });

  it('cannot deactivate or reactivate another organisation’s person', async () => {
    const org = await createOrganisation(db.pool);
    const other = await createOrganisation(db.pool);
    const admin = await createPerson(db.pool, org.id, { role: 'admin' });
    const stranger = await createPerson(db.pool, other.id);
    const goneStranger = await createPerson(db.pool, other.id, { status: 'deactivated' });
    expect(await deactivatePerson(db.pool, org.id, admin.id, stranger.id)).toMatchObject({
      ok: false,
    });
    expect(await reactivatePerson(db.pool, org.id, goneStranger.id)).toMatchObject({ ok: false });
    expect((await statusOf(stranger.id)).status).toBe('active');
    expect((await statusOf(goneStranger.id)).status).toBe('deactivated');
  });
});

describe('org chart', () => {
  it('lists one level at a time with report counts, hiding deactivated people nobody reports to', async () => {
    const org = await createOrganisation(db.pool);
    const other = await createOrganisation(db.pool);
    const ceo = await createPerson(db.pool, org.id, { name: 'Ceo' });
    const vp = await createPerson(db.pool, org.id, { name: 'Vp', managerId: ceo.id });
    await createPerson(db.pool, org.id, { name: 'Dev', managerId: vp.id });
    const goneLead = await createPerson(db.pool, org.id, {
      name: 'Gone lead',
      managerId: ceo.id,
      status: 'deactivated',
    });
    await createPerson(db.pool, org.id, { name: 'Orphan', managerId: goneLead.id });
    await createPerson(db.pool, org.id, { name: 'Gone', managerId: ceo.id, status: 'deactivated' });
    await createPerson(db.pool, other.id, { name: 'Elsewhere' });

    const top = await listOrgChartLevel(db.pool, org.id, null);
    expect(top).toEqual({
      nodes: [expect.objectContaining({ id: ceo.id, reportCount: 2 })],
      total: 1,
    });
    const below = await listOrgChartLevel(db.pool, org.id, ceo.id);
    expect(below.nodes.map((node) => [node.name, node.status, node.reportCount])).toEqual([
      ['Gone lead', 'deactivated', 1],
      ['Vp', 'active', 1],
    ]);
    expect((await listOrgChartLevel(db.pool, other.id, ceo.id)).total).toBe(0);
  });

  it('[ORG16] lists the whole chart of one organisation with managers, leaving out the deactivated without reports', async () => {
    const org = await createOrganisation(db.pool);
    const other = await createOrganisation(db.pool);
    const ceo = await createPerson(db.pool, org.id, { name: 'Ceo' });
    const goneLead = await createPerson(db.pool, org.id, {
      name: 'Gone lead',
      managerId: ceo.id,
      status: 'deactivated',
    });
    const orphan = await createPerson(db.pool, org.id, { name: 'Orphan', managerId: goneLead.id });
    await createPerson(db.pool, org.id, { name: 'Gone', managerId: ceo.id, status: 'deactivated' });
    await createPerson(db.pool, other.id, { name: 'Elsewhere' });

    const chart = await listOrgChart(db.pool, org.id);
    expect(chart.map((person) => [person.name, person.managerId, person.deactivated])).toEqual([
      ['Ceo', null, false],
      ['Gone lead', ceo.id, true],
      ['Orphan', goneLead.id, false],
    ]);
    expect(chart[2]!.id).toBe(orphan.id);
  });

  it('pages a long level', async () => {
    const org = await createOrganisation(db.pool);
    const boss = await createPerson(db.pool, org.id, { name: 'Boss' });
    for (let i = 0; i < 5; i += 1) {
      await createPerson(db.pool, org.id, { name: `Report ${i}`, managerId: boss.id });
    }
    const page = await listOrgChartLevel(db.pool, org.id, boss.id, { offset: 3, limit: 2 });
    expect(page.nodes.map((node) => node.name)).toEqual(['Report 3', 'Report 4']);
    expect(page.total).toBe(5);
  });
});
