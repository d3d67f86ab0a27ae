import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createPerson } from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { createTeam, deleteTeam, listTeams, updateTeam } from './teams.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

async function created(
  organisationId: string,
  name: string,
  kind: 'department' | 'team',
  parentId: string | null = null,
) {
  const result = await createTeam(db.pool, organisationId, { name, kind, parentId });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value.id;
}

async function teamOf(personId: string) {
  const { rows } = await db.pool.query('SELECT team_id FROM people WHERE id = $1', [personId]);
  return rows[0].team_id;
}

describe('teams', () => {
  it('[ORG6] lists departments and teams with their people and team counts', async () => {
    const org = await createOrganisation(db.pool);
    const engineering = await created(org.id, 'Engineering', 'department');
    const platform = await created(org.id, '  Platform   Team ', 'team', engineering);
    await createPerson(db.pool, org.id, { teamId: platform });
    await createPerson(db.pool, org.id, { teamId: platform });
    expect(await listTeams(db.pool, org.id)).toEqual([
      {
        id: engineering,
        name: 'Engineering',
        kind: 'department',
        parentId: null,
        peopleCount: 0,
        childTeamCount: 1,
      },
      {
        id: platform,
        name: 'Platform Team',
        kind: 'team',
        parentId: engineering,
        peopleCount: 2,
        childTeamCount: 0,
      },
    ]);
  });

  it('[ORG6] refuses a team without a department, or under another team', async () => {
    const org = await createOrganisation(db.pool);
    const department = await created(org.id, 'Sales', 'department');
    const team = await created(org.id, 'Inside', 'team', department);
    expect(
      await createTeam(db.pool, org.id, { name: 'Loose', kind: 'team', parentId: null }),
    ).toMatchObject({ ok: false, errors: { parentId: expect.any(String) } });
    expect(
      await createTeam(db.pool, org.id, { name: 'Nested', kind: 'team', parentId: team }),
    ).toMatchObject({ ok: false, errors: { parentId: expect.stringMatching(/department/) } });
    expect(
      await createTeam(db.pool, org.id, { name: 'Sub', kind: 'department', parentId: department }),
    ).toMatchObject({ ok: false });
  });

  it('[ORG8] refuses a name another team has, ignoring case', async () => {
    const org = await createOrganisation(db.pool);
    await created(org.id, 'Finance', 'department');
    expect(
      await createTeam(db.pool, org.id, { name: 'FINANCE', kind: 'department', parentId: null }),
    ).toEqual({
      ok: false,
      errors: { name: 'Another team or department already has this name.' },
    });
    const other = await createOrganisation(db.pool);
    expect(
      await createTeam(db.pool, other.id, { name: 'Finance', kind: 'department', parentId: null }),
    ).toMatchObject({ ok: true });
  });

  it('renames a team and moves it to another department', async () => {
    const org = await createOrganisation(db.pool);
    const a = await created(org.id, 'A', 'department');
    const b = await created(org.id, 'B', 'department');
    const team = await created(org.id, 'Mover', 'team', a);
    expect(await updateTeam(db.pool, org.id, team, { name: 'Moved', parentId: b })).toEqual({
      ok: true,
      value: null,
    });
    const row = (await listTeams(db.pool, org.id)).find((t) => t.id === team);
    expect(row).toMatchObject({ name: 'Moved', parentId: b });
    expect(await updateTeam(db.pool, org.id, team, { name: 'b', parentId: b })).toMatchObject({
      ok: false,
      errors: { name: expect.any(String) },
    });
    expect(
      await updateTeam(db.pool, org.id, team, { name: 'Moved', parentId: null }),
    ).toMatchObject({ ok: false, errors: { parentId: expect.any(String) } });
  });

  it('[ORG7] refuses deleting a team that still has people, unless they move in the same step', async () => {
    const org = await createOrganisation(db.pool);
    const department = await created(org.id, 'Support', 'department');
    const team = await created(org.id, 'Tier 1', 'team', department);
    const target = await created(org.id, 'Tier 2', 'team', department);
    const person = await createPerson(db.pool, org.id, { teamId: team });
    expect(await deleteTeam(db.pool, org.id, team, null)).toMatchObject({
      ok: false,
      errors: { moveTo: expect.stringMatching(/1 person is still in it/) },
    });
    expect(await teamOf(person.id)).toBe(team);
    expect(await deleteTeam(db.pool, org.id, team, target)).toEqual({
      ok: true,
      value: { moved: 1 },
    });
    expect(await teamOf(person.id)).toBe(target);
    expect((await listTeams(db.pool, org.id)).map((t) => t.id)).not.toContain(team);
  });

  it('[ORG7] refuses deleting a department that still has teams', async () => {
    const org = await createOrganisation(db.pool);
    const department = await created(org.id, 'Legal', 'department');
    await created(org.id, 'Contracts', 'team', department);
    expect(await deleteTeam(db.pool, org.id, department, null)).toMatchObject({
      ok: false,
      errors: { form: expect.stringMatching(/1 team/) },
    });
  });

  it('cannot read or modify another organisation’s team', async () => {
    const org = await createOrganisation(db.pool);
    const other = await createOrganisation(db.pool);
    const theirs = await created(other.id, 'Theirs', 'department');
    const mine = await created(org.id, 'Mine', 'department');
    expect(await listTeams(db.pool, org.id)).toHaveLength(1);
    expect(
      await updateTeam(db.pool, org.id, theirs, { name: 'Hijacked', parentId: null }),
    ).toMatchObject({ ok: false });
    expect(await deleteTeam(db.pool, org.id, theirs, null)).toMatchObject({ ok: false });
    expect(
      await createTeam(db.pool, org.id, { name: 'Under theirs', kind: 'team', parentId: theirs }),
    ).toMatchObject({ ok: false, errors: { parentId: expect.any(String) } });
    const stranger = await createPerson(db.pool, other.id, { teamId: theirs });
    const team = await created(org.id, 'Has people', 'team', mine);
    await createPerson(db.pool, org.id, { teamId: team });
    expect(await deleteTeam(db.pool, org.id, team, theirs)).toMatchObject({
      ok: false,
      errors: { moveTo: 'Choose a team from the list.' },
    });
    expect((await listTeams(db.pool, other.id))[0]).toMatchObject({ name: 'Theirs' });
    expect(await teamOf(stranger.id)).toBe(theirs);
  });
});
