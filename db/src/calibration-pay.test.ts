// Pay and merit settings on a real PostgreSQL (CAL70, CAL72, CAL76–CAL78): who receives pay, who
// changes the matrix, who chooses the viewers, and what is written.
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultMeritSettings } from '@threadline/domain/calibration/merit/matrix';
import type { PayData } from '@threadline/domain/calibration/merit/pay';
import { readPeopleCsv } from '@threadline/domain/org/people-csv';
import {
  createCalibrationSession,
  createOrganisation,
  createPerson,
  FIVE_POINT_SESSION,
} from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import {
  payViewers,
  personPay,
  populationPay,
  saveMeritSettings,
  setPayViewers,
  writePay,
} from './calibration-pay.ts';
import { importPeople, loadImportCurrentValues } from './people-import.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

const eur = (salary: number): PayData => ({
  salary: salary * 100,
  currency: 'EUR',
  rangeMin: 4_000_000,
  rangeMid: 5_000_000,
  rangeMax: 6_000_000,
});

async function session(status: 'proposals' | 'in_session' | 'finalized' = 'in_session') {
  const org = (await createOrganisation(db.pool)).id;
  const admin = await createPerson(db.pool, org, { role: 'admin' });
  const facilitator = await createPerson(db.pool, org);
  const leader = await createPerson(db.pool, org);
  const payLeader = await createPerson(db.pool, org);
  const outsider = await createPerson(db.pool, org);
  const kwame = await createPerson(db.pool, org, { name: 'Kwame' });
  const ana = await createPerson(db.pool, org, { name: 'Ana' });
  const notInSession = await createPerson(db.pool, org);
  const s = await createCalibrationSession(db.pool, org, {
    status,
    participants: [
      { personId: facilitator.id, role: 'facilitator' },
      { personId: leader.id, role: 'leader' },
      { personId: payLeader.id, role: 'leader' },
    ],
    population: [kwame.id, ana.id],
  });
  await writePay(db.pool, org, [
    { personId: kwame.id, pay: eur(50_000) },
    { personId: notInSession.id, pay: eur(90_000) },
  ]);
  await db.pool.query(
    `UPDATE calibration_participants SET sees_pay = true WHERE session_id = $1 AND person_id = $2`,
    [s.id, payLeader.id],
  );
  return { org, s, admin, facilitator, leader, payLeader, outsider, kwame, ana, notInSession };
}

describe('pay in calibration', () => {
  it('[CAL76] hands the population’s pay to administrators and to participants allowed to see it, and to nobody else', async () => {
    const t = await session();
    for (const allowed of [t.admin, t.payLeader]) {
      const answer = await populationPay(db.pool, t.org, t.s.id, allowed.id);
      expect(answer).toMatchObject({ ok: true, pay: { [t.kwame.id]: eur(50_000) } });
      // Only the population's pay, and nobody's without pay data.
      expect(Object.keys(answer.ok ? answer.pay : {})).toEqual([t.kwame.id]);
    }
    for (const refused of [t.facilitator, t.leader, t.outsider, t.kwame]) {
      expect(await populationPay(db.pool, t.org, t.s.id, refused.id)).toEqual({
        ok: false,
        reason: 'refused',
      });
    }
    // Another organisation's administrator reads nothing of this session.
    const elsewhere = await createOrganisation(db.pool);
    const otherAdmin = await createPerson(db.pool, elsewhere.id, { role: 'admin' });
    expect(await populationPay(db.pool, elsewhere.id, t.s.id, otherAdmin.id)).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await populationPay(db.pool, t.org, t.s.id, otherAdmin.id)).toEqual({
      ok: false,
      reason: 'refused',
    });
  });

  it('[CAL76] refuses a deactivated administrator or participant', async () => {
    const t = await session();
    await db.pool.query(
      `UPDATE people SET status = 'deactivated', deactivated_at = now() WHERE id = ANY($1::uuid[])`,
      [[t.admin.id, t.payLeader.id]],
    );
    for (const person of [t.admin, t.payLeader]) {
      expect(await populationPay(db.pool, t.org, t.s.id, person.id)).toMatchObject({ ok: false });
    }
  });

  it('[CAL78] lets only administrators choose which participants see pay, participants only', async () => {
    const t = await session();
    expect(
      await setPayViewers(db.pool, t.org, t.s.id, t.facilitator.id, [t.facilitator.id]),
    ).toMatchObject({
      ok: false,
    });
    expect(await payViewers(db.pool, t.org, t.s.id)).toEqual([t.payLeader.id]);
    expect(await setPayViewers(db.pool, t.org, t.s.id, t.admin.id, [t.outsider.id])).toMatchObject({
      ok: false,
      errors: { form: expect.stringContaining('participants') },
    });
    expect(await payViewers(db.pool, t.org, t.s.id)).toEqual([t.payLeader.id]);
    expect(await setPayViewers(db.pool, t.org, t.s.id, t.admin.id, [t.facilitator.id])).toEqual({
      ok: true,
      value: { seesPay: 1 },
    });
    expect(await payViewers(db.pool, t.org, t.s.id)).toEqual([t.facilitator.id]);
    expect(await populationPay(db.pool, t.org, t.s.id, t.facilitator.id)).toMatchObject({
      ok: true,
    });
    expect(await populationPay(db.pool, t.org, t.s.id, t.payLeader.id)).toMatchObject({
      ok: false,
    });
  });

  it('[CAL77] saves the matrix and budget for facilitators and administrators until finalized', async () => {
    const t = await session();
    const settings = defaultMeritSettings(FIVE_POINT_SESSION.scale);
    const changed = {
      budgetPercent: 2.5,
      matrix: { ...settings.matrix, '5': { below: 9, within: 8, above: 7 } },
    };
    expect(await saveMeritSettings(db.pool, t.org, t.s.id, t.leader.id, changed)).toMatchObject({
      ok: false,
      forbidden: true,
    });
    expect(await saveMeritSettings(db.pool, t.org, t.s.id, t.facilitator.id, changed)).toEqual({
      ok: true,
      value: changed,
    });
    const read = await populationPay(db.pool, t.org, t.s.id, t.admin.id);
    expect(read.ok && read.merit).toEqual(changed);
    // A matrix that does not fit the scale is refused, and nothing changes.
    const fourRows = Object.fromEntries(
      Object.entries(changed.matrix).filter(([rating]) => rating !== '1'),
    );
    expect(
      await saveMeritSettings(db.pool, t.org, t.s.id, t.admin.id, { ...changed, matrix: fourRows }),
    ).toMatchObject({ ok: false });
    await db.pool.query(`UPDATE calibration_sessions SET status = 'finalized' WHERE id = $1`, [
      t.s.id,
    ]);
    expect(await saveMeritSettings(db.pool, t.org, t.s.id, t.admin.id, settings)).toMatchObject({
      ok: false,
      forbidden: true,
    });
    const after = await populationPay(db.pool, t.org, t.s.id, t.admin.id);
    expect(after.ok && after.merit).toEqual(changed);
  });

  it('[CAL70] writes and removes pay exactly, and sets the range position from it', async () => {
    const t = await session();
    const odd = { ...eur(0), salary: 5_500_001, currency: 'JPY' };
    await writePay(db.pool, t.org, [{ personId: t.ana.id, pay: odd }]);
    expect(await personPay(db.pool, t.org, t.ana.id)).toEqual(odd);
    const { rows } = await db.pool.query<{ pay_range_position: number }>(
      'SELECT pay_range_position FROM people WHERE id = $1',
      [t.ana.id],
    );
    expect(rows[0]!.pay_range_position).toBe(0.75);
    await writePay(db.pool, t.org, [{ personId: t.ana.id, pay: null }]);
    expect(await personPay(db.pool, t.org, t.ana.id)).toBeNull();
    // The schema refuses a range out of order whatever the caller checked.
    await expect(
      writePay(db.pool, t.org, [{ personId: t.ana.id, pay: { ...odd, rangeMin: 9_000_000 } }]),
    ).rejects.toThrow();
  });
});

describe('pay in the people import', () => {
  const HEADER = [
    'Name',
    'Email',
    'Salary',
    'Currency',
    'Pay range min',
    'Pay range midpoint',
    'Pay range max',
  ];

  it('[CAL70] writes the file’s pay with the people, and removes pay whose cells are empty', async () => {
    const org = (await createOrganisation(db.pool)).id;
    const ana = await createPerson(db.pool, org, { email: 'ana@x.io' });
    await writePay(db.pool, org, [{ personId: ana.id, pay: eur(40_000) }]);
    const outcome = await importPeople(
      db.pool,
      org,
      readPeopleCsv([
        HEADER,
        ['Ana', 'ana@x.io', '', '', '', '', ''],
        ['Ben', 'ben@x.io', '61,000.25', 'gbp', '50000', '60000', '70000'],
      ]),
    );
    expect(outcome).toMatchObject({ ok: true, created: 1, updated: 1 });
    expect(await personPay(db.pool, org, ana.id)).toBeNull();
    const current = await loadImportCurrentValues(db.pool, org);
    expect(current['ben@x.io']).toMatchObject({
      salary: '61000.25',
      currency: 'GBP',
      payRangeMin: '50000',
      payRangeMid: '60000',
      payRangeMax: '70000',
    });
  });

  it('[CAL70] writes nothing while one line’s pay is wrong (all or nothing)', async () => {
    const org = (await createOrganisation(db.pool)).id;
    const outcome = await importPeople(
      db.pool,
      org,
      readPeopleCsv([
        HEADER,
        ['Cy', 'cy@x.io', '50000', 'EUR', '40000', '50000', '60000'],
        ['Di', 'di@x.io', '50000', 'EUR', '60000', '50000', '40000'],
      ]),
    );
    expect(outcome).toEqual({
      ok: false,
      errors: [
        {
          line: 3,
          column: 'payRangeMin',
          message: 'the pay range minimum is above its midpoint',
        },
      ],
    });
    const { rows } = await db.pool.query('SELECT 1 FROM people WHERE organisation_id = $1', [org]);
    expect(rows).toHaveLength(0);
  });
});
