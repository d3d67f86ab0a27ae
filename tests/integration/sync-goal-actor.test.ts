// The sync server reads who a person is for the goal edit rules from the organisation's tables
// (SYNC21), leaders included (SYNC22, GOAL26): the same verdicts the web app reaches from the
// page's directory.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionPerson } from '@threadline/db';
import { loadGoalActor } from '@threadline/sync-server/documents/goals/actor';
import { createOrganisation, createPerson, type PersonFixture } from '../support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

/** A session as the server holds it; the actor takes the role from the table, not from here. */
const session = (person: PersonFixture): SessionPerson => ({
  id: person.id,
  organisationId: person.organisationId,
  organisationName: 'Acme',
  organisationLocale: null,
  name: person.name,
  email: person.email,
  role: 'member',
});

/** CEO → VP → manager → employee; an individual reporting to the CEO; an admin with nobody around. */
async function organisation() {
  const org = await createOrganisation(db.pool);
  const ceo = await createPerson(db.pool, org.id);
  const vp = await createPerson(db.pool, org.id, { managerId: ceo.id });
  const manager = await createPerson(db.pool, org.id, { managerId: vp.id });
  const employee = await createPerson(db.pool, org.id, { managerId: manager.id });
  const individual = await createPerson(db.pool, org.id, { managerId: ceo.id });
  const loner = await createPerson(db.pool, org.id, { role: 'admin' });
  return { ceo, vp, manager, employee, individual, loner };
}

describe('the goal actor read from the tables', () => {
  it('[SYNC22] [GOAL26] the head and the managers reporting to the head lead, nobody else', async () => {
    const people = await organisation();
    const leads = async (person: PersonFixture) =>
      (await loadGoalActor(db.pool, session(person))).isLeader;
    expect(await leads(people.ceo)).toBe(true);
    expect(await leads(people.vp)).toBe(true);
    expect(await leads(people.manager)).toBe(false);
    expect(await leads(people.employee)).toBe(false);
    expect(await leads(people.individual)).toBe(false);
    expect(await leads(people.loner)).toBe(false);
  });

  it('[SYNC21] reports at any depth, direct reports apart, and the role the table holds', async () => {
    const people = await organisation();
    const vp = await loadGoalActor(db.pool, session(people.vp));
    expect([...vp.reportIds].sort()).toEqual([people.manager.id, people.employee.id].sort());
    expect([...vp.directReportIds]).toEqual([people.manager.id]);
    expect(vp.isAdmin).toBe(false);
    expect((await loadGoalActor(db.pool, session(people.loner))).isAdmin).toBe(true);
  });
});
