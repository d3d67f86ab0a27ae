// ONE40, ONE41, ONE46 against a real PostgreSQL: the skill list (names unique ignoring case), a
// plan's owner, and a plan's projected rows — a new skill joins the list, a name already there is
// that skill, deleted entries leave the tables. (The most frequent gaps are analytics': db/src/
// analytics/growth.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import type { DevelopmentItemRow, SkillGapRow } from '@threadline/domain/development/projector';
import { createOrganisation, createPerson } from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import {
  addSkill,
  listSkills,
  planOwner,
  renameSkill,
  writeDevelopmentPlanRows,
} from './development.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

const id = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function organisation() {
  const org = await createOrganisation(db.pool);
  const manager = await createPerson(db.pool, org.id);
  const employee = await createPerson(db.pool, org.id, { managerId: manager.id });
  return { org, manager, employee };
}

const gapRow = (n: number, skillId: string, skillName: string, by: string): SkillGapRow => ({
  gapId: id(n),
  skillId,
  skillName,
  flaggedOn: '2026-12-07',
  flaggedBy: by,
  deleted: false,
});

const itemRow = (n: number, gapId: string, skillId: string, owner: string): DevelopmentItemRow => ({
  itemId: id(n),
  gapId,
  skillId,
  type: 'social',
  status: 'in-progress',
  ownerId: owner,
  createdAt: '2026-12-07T10:00:00.000Z',
  dueDate: '2027-02-01',
  doneAt: null,
  deleted: false,
});

describe('the skill list', () => {
  it('[ONE40] adds and renames skills, names unique ignoring case', async () => {
    const { org, manager } = await organisation();
    const added = await addSkill(db.pool, org.id, '  Public   speaking ', manager.id);
    expect(added).toMatchObject({ ok: true, value: { name: 'Public speaking' } });
    expect(await addSkill(db.pool, org.id, 'public SPEAKING', manager.id)).toMatchObject({
      ok: false,
      errors: { name: expect.stringMatching(/already/) },
    });
    expect(await addSkill(db.pool, org.id, '', manager.id)).toMatchObject({ ok: false });
    const other = await addSkill(db.pool, org.id, 'SQL', manager.id);
    if (!added.ok || !other.ok) throw new Error('not added');
    expect(await renameSkill(db.pool, org.id, other.value.id, 'Public speaking')).toMatchObject({
      ok: false,
    });
    expect(await renameSkill(db.pool, org.id, added.value.id, 'Presenting')).toMatchObject({
      ok: true,
    });
    expect((await listSkills(db.pool, org.id)).map((s) => s.name)).toEqual(['Presenting', 'SQL']);
    // Another organisation's list is its own.
    const elsewhere = await organisation();
    expect(await listSkills(db.pool, elsewhere.org.id)).toEqual([]);
    expect(await renameSkill(db.pool, elsewhere.org.id, other.value.id, 'X')).toMatchObject({
      ok: false,
    });
  });

  it('[ONE41] knows a plan’s person and their current manager', async () => {
    const { org, manager, employee } = await organisation();
    expect(await planOwner(db.pool, org.id, employee.id)).toEqual({
      personId: employee.id,
      managerId: manager.id,
    });
    expect(await planOwner(db.pool, org.id, id(999))).toBeNull();
  });
});

describe('projecting a plan', () => {
  it('[ONE46] adds a new skill to the list, matches a known name, and removes deleted rows', async () => {
    const { org, manager, employee } = await organisation();
    const known = await addSkill(db.pool, org.id, 'Negotiation', manager.id);
    if (!known.ok) throw new Error('not added');
    await writeDevelopmentPlanRows(
      db.pool,
      org.id,
      employee.id,
      [
        gapRow(1, id(50), 'Facilitation', employee.id),
        // Named on a device that did not have the list's id: the list's skill of that name.
        gapRow(2, id(51), 'negotiation', manager.id),
      ],
      [itemRow(3, id(1), id(50), employee.id), itemRow(4, id(2), id(51), manager.id)],
    );
    const skills = await listSkills(db.pool, org.id);
    expect(skills).toEqual([
      { id: id(50), name: 'Facilitation' },
      { id: known.value.id, name: 'Negotiation' },
    ]);
    const { rows: gaps } = await db.pool.query(
      'SELECT id, person_id, skill_id FROM skill_gaps WHERE organisation_id = $1 ORDER BY id',
      [org.id],
    );
    expect(gaps).toEqual([
      { id: id(1), person_id: employee.id, skill_id: id(50) },
      { id: id(2), person_id: employee.id, skill_id: known.value.id },
    ]);
    const { rows: items } = await db.pool.query(
      `SELECT id, person_id, type, status, skill_id, to_char(due_date, 'YYYY-MM-DD') AS due
         FROM development_items WHERE organisation_id = $1 ORDER BY id`,
      [org.id],
    );
    expect(items).toEqual([
      {
        id: id(3),
        person_id: employee.id,
        type: 'social',
        status: 'in-progress',
        skill_id: id(50),
        due: '2027-02-01',
      },
      // The item named the device's id for Negotiation, which the list does not have.
      {
        id: id(4),
        person_id: employee.id,
        type: 'social',
        status: 'in-progress',
        skill_id: null,
        due: '2027-02-01',
      },
    ]);

    await writeDevelopmentPlanRows(
      db.pool,
      org.id,
      employee.id,
      [{ ...gapRow(2, id(51), 'negotiation', manager.id), deleted: true }],
      [
        {
          ...itemRow(3, id(1), id(50), employee.id),
          status: 'done',
          doneAt: '2026-12-20T10:00:00.000Z',
        },
        { ...itemRow(4, id(2), id(51), manager.id), deleted: true },
      ],
    );
    const after = await db.pool.query(
      'SELECT id, status FROM development_items WHERE organisation_id = $1 ORDER BY id',
      [org.id],
    );
    expect(after.rows).toEqual([{ id: id(3), status: 'done' }]);
    expect(
      (await db.pool.query('SELECT id FROM skill_gaps WHERE organisation_id = $1', [org.id])).rows,
    ).toEqual([{ id: id(1) }]);
  });

  it('[ONE46] a gap naming a skill of the list in other case is that skill', async () => {
    const { org, manager, employee } = await organisation();
    const other = await createPerson(db.pool, org.id, { managerId: manager.id });
    await writeDevelopmentPlanRows(
      db.pool,
      org.id,
      employee.id,
      [gapRow(1, id(60), 'SQL', manager.id), gapRow(2, id(61), 'Coaching', manager.id)],
      [],
    );
    await writeDevelopmentPlanRows(
      db.pool,
      org.id,
      other.id,
      [gapRow(3, id(62), 'sql', manager.id)],
      [],
    );
    const { rows } = await db.pool.query<{ id: string; skill_id: string }>(
      'SELECT id, skill_id FROM skill_gaps WHERE organisation_id = $1 ORDER BY id',
      [org.id],
    );
    expect(rows).toEqual([
      { id: id(1), skill_id: id(60) },
      { id: id(2), skill_id: id(61) },
      { id: id(3), skill_id: id(60) },
    ]);
    expect((await listSkills(db.pool, org.id)).map((skill) => skill.name)).toEqual([
      'Coaching',
      'SQL',
    ]);
  });
});
