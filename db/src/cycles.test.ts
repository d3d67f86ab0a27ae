import { beforeAll, describe, expect, it } from 'vitest';
import type { CycleFields } from '@threadline/domain/org/cycles';
import { createOrganisation } from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { listCycles, saveCycle } from './cycles.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

const h1: CycleFields = {
  name: '2026 H1',
  startsOn: '2026-01-01',
  endsOn: '2026-06-30',
  status: 'planned',
};
const h2: CycleFields = {
  name: '2026 H2',
  startsOn: '2026-07-01',
  endsOn: '2026-12-31',
  status: 'planned',
};

async function saved(organisationId: string, fields: CycleFields, id: string | null = null) {
  const result = await saveCycle(db.pool, organisationId, id, fields);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value.id;
}

describe('cycles', () => {
  it('creates and edits cycles, newest first', async () => {
    const org = await createOrganisation(db.pool);
    const first = await saved(org.id, h1);
    const second = await saved(org.id, h2);
    await saved(org.id, { ...h1, name: '2026 first half', status: 'closed' }, first);
    expect(await listCycles(db.pool, org.id)).toEqual([
      { id: second, ...h2 },
      { id: first, ...h1, name: '2026 first half', status: 'closed' },
    ]);
  });

  it('[ORG9] refuses a name another cycle of the organisation has', async () => {
    const org = await createOrganisation(db.pool);
    await saved(org.id, h1);
    expect(await saveCycle(db.pool, org.id, null, { ...h2, name: '2026 h1' })).toEqual({
      ok: false,
      errors: { name: 'Another cycle already has this name.' },
    });
  });

  it('[ORG10] refuses activating a second cycle and allows it once the first is closed', async () => {
    const org = await createOrganisation(db.pool);
    const first = await saved(org.id, { ...h1, status: 'active' });
    const second = await saved(org.id, h2);
    expect(await saveCycle(db.pool, org.id, second, { ...h2, status: 'active' })).toEqual({
      ok: false,
      errors: { status: '“2026 H1” is the active cycle: close it before activating another.' },
    });
    await saved(org.id, { ...h1, status: 'closed' }, first);
    await saved(org.id, { ...h2, status: 'active' }, second);
    expect((await listCycles(db.pool, org.id)).map((c) => c.status)).toEqual(['active', 'closed']);
  });

  it('[ORG10] lets only one of two concurrent activations through', async () => {
    const org = await createOrganisation(db.pool);
    const results = await Promise.all(
      ['A', 'B', 'C', 'D'].map((name) =>
        saveCycle(db.pool, org.id, null, { ...h1, name, status: 'active' }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toHaveLength(3);
  });

  it('[ORG10] each organisation has its own active cycle', async () => {
    const org = await createOrganisation(db.pool);
    const other = await createOrganisation(db.pool);
    await saved(org.id, { ...h1, status: 'active' });
    await saved(other.id, { ...h1, status: 'active' });
    expect(await listCycles(db.pool, other.id)).toHaveLength(1);
  });

  it('cannot read or modify another organisation’s cycle', async () => {
    const org = await createOrganisation(db.pool);
    const other = await createOrganisation(db.pool);
    const theirs = await saved(other.id, h1);
    expect(await listCycles(db.pool, org.id)).toEqual([]);
    expect(await saveCycle(db.pool, org.id, theirs, { ...h1, name: 'Hijacked' })).toEqual({
      ok: false,
      errors: { form: 'This cycle is not in your organisation.' },
    });
    expect((await listCycles(db.pool, other.id))[0]?.name).toBe('2026 H1');
  });
});
