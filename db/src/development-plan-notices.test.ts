// ONE53 against a real PostgreSQL: every change of a person's manager — their first one too —
// announces their development plan (a `development_plans` records notice on the access channel),
// so every sync node re-checks the connections to it; a statement changing many people announces
// them 100 to a notice.
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createPerson } from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

interface RecordsNotice {
  kind: string;
  organisationId: string;
  table: string;
  ids: string[];
}

const listeners: pg.Client[] = [];
afterEach(async () => {
  for (const client of listeners.splice(0)) await client.end();
});

/** The plan notices the access channel carries for `organisationId` from now on. */
async function planNotices(organisationId: string) {
  const client = new pg.Client({ connectionString: db.url });
  listeners.push(client);
  const notices: RecordsNotice[] = [];
  client.on('notification', (message) => {
    const notice = JSON.parse(message.payload ?? '{}') as RecordsNotice;
    if (notice.organisationId === organisationId && notice.table === 'development_plans') {
      notices.push(notice);
    }
  });
  await client.connect();
  await client.query('LISTEN threadline_access');
  // A round trip after the statement under test: its notices have arrived by then.
  const settled = async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    await client.query('SELECT 1');
    return notices;
  };
  return settled;
}

describe('development plan notices', () => {
  it('[ONE53] a person given their first manager announces their plan', async () => {
    const org = await createOrganisation(db.pool);
    const manager = await createPerson(db.pool, org.id);
    const employee = await createPerson(db.pool, org.id);
    const notices = await planNotices(org.id);
    await db.pool.query('UPDATE people SET manager_id = $2 WHERE id = $1', [
      employee.id,
      manager.id,
    ]);
    expect(await notices()).toEqual([
      { kind: 'records', organisationId: org.id, table: 'development_plans', ids: [employee.id] },
    ]);
  });

  it('[ONE53] a new manager, and no manager any more, announce the plan; other changes do not', async () => {
    const org = await createOrganisation(db.pool);
    const first = await createPerson(db.pool, org.id);
    const second = await createPerson(db.pool, org.id);
    const employee = await createPerson(db.pool, org.id, { managerId: first.id });
    const notices = await planNotices(org.id);
    const setManager = (managerId: string | null) =>
      db.pool.query('UPDATE people SET manager_id = $2 WHERE id = $1', [employee.id, managerId]);
    await setManager(second.id);
    await setManager(null);
    await db.pool.query(`UPDATE people SET name = 'Renamed' WHERE id = $1`, [employee.id]);
    expect((await notices()).map((notice) => notice.ids)).toEqual([[employee.id], [employee.id]]);
  });

  it('[ONE53] 250 people given their first manager at once are announced 100 to a notice', async () => {
    const org = await createOrganisation(db.pool);
    const manager = await createPerson(db.pool, org.id);
    const { rows } = await db.pool.query<{ id: string }>(
      `INSERT INTO people (organisation_id, name, email, role, status)
       SELECT $1, 'Person ' || n, 'p' || n || '-' || $2 || '@example.test', 'member', 'active'
         FROM generate_series(1, 250) AS n
       RETURNING id`,
      [org.id, org.id.slice(0, 8)],
    );
    const notices = await planNotices(org.id);
    await db.pool.query('UPDATE people SET manager_id = $2 WHERE id = ANY($1::uuid[])', [
      rows.map((row) => row.id),
      manager.id,
    ]);
    const received = await notices();
    expect(received.map((notice) => notice.ids.length).sort((a, b) => b - a)).toEqual([
      100, 100, 50,
    ]);
    expect(new Set(received.flatMap((notice) => notice.ids))).toEqual(
      new Set(rows.map((row) => row.id)),
    );
  });
});
