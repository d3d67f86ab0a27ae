// NUD18–NUD20 against a real PostgreSQL: a person reads and marks only their own notifications;
// muting a kind clears their open ones of it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createPerson } from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import {
  markAllNotificationsRead,
  markNotificationRead,
  mutedKinds,
  notificationState,
  setMutedKinds,
} from './notifications.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

async function raise(organisationId: string, personId: string, kind: string, key: string) {
  const { rows } = await db.pool.query<{ id: string }>(
    `INSERT INTO notifications (organisation_id, person_id, kind, key, subject, link, payload)
     VALUES ($1, $2, $3, $4, 'goal:x', '/goals?show=mine',
             '{"kind": "goal-stale", "goalTitle": "G", "since": ""}') RETURNING id`,
    [organisationId, personId, kind, key],
  );
  return rows[0]!.id;
}

describe('a person’s notifications', () => {
  it('[NUD18] count the unread open ones; one’s own marked read, another’s never', async () => {
    const org = await createOrganisation(db.pool);
    const me = await createPerson(db.pool, org.id);
    const other = await createPerson(db.pool, org.id);
    const mine = await raise(org.id, me.id, 'goal-stale', 'goal-stale:a');
    await raise(org.id, me.id, 'goal-stale', 'goal-stale:b');
    const theirs = await raise(org.id, other.id, 'goal-stale', 'goal-stale:a');
    const owner = (p: { id: string }) => ({ id: p.id, organisationId: org.id });

    expect((await notificationState(db.pool, owner(me))).unread).toBe(2);
    expect(await markNotificationRead(db.pool, owner(me), theirs)).toBe(false);
    expect((await notificationState(db.pool, owner(other))).unread).toBe(1);
    expect(await markNotificationRead(db.pool, owner(me), mine)).toBe(true);
    const state = await notificationState(db.pool, owner(me));
    expect(state.unread).toBe(1);
    expect(state.items.find((item) => item.id === mine)?.readAt).not.toBeNull();

    expect(await markAllNotificationsRead(db.pool, owner(me))).toBe(1);
    expect((await notificationState(db.pool, owner(me))).unread).toBe(0);
    expect((await notificationState(db.pool, owner(other))).unread).toBe(1);
  });

  it('[NUD20] muting a kind clears one’s open notifications of it, and unmuting keeps none', async () => {
    const org = await createOrganisation(db.pool);
    const me = await createPerson(db.pool, org.id);
    const owner = { id: me.id, organisationId: org.id };
    await raise(org.id, me.id, 'goal-stale', 'goal-stale:a');
    await raise(org.id, me.id, 'action-overdue', 'action-overdue:a');

    await setMutedKinds(db.pool, owner, ['goal-stale']);
    expect(await mutedKinds(db.pool, owner)).toEqual(['goal-stale']);
    const state = await notificationState(db.pool, owner);
    expect(state.items.map((item) => item.kind)).toEqual(['action-overdue']);

    await setMutedKinds(db.pool, owner, []);
    expect(await mutedKinds(db.pool, owner)).toEqual([]);
    expect((await notificationState(db.pool, owner)).items).toHaveLength(1);
  });
});
