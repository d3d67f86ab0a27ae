// NUD21 against a real PostgreSQL: the notifications stream checks its session again, every
// `recheckMs` and before each delivery, and ends once the session is signed out elsewhere.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, invalidateSession, isSessionActive } from '@threadline/db';
import { notificationState } from '@threadline/db/notifications';
import { createOrganisation, createPerson } from '../../../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.ts';
import type { LiveSubscriber } from '$lib/server/notifications-live';
import { notificationEvents } from './notification-events.server.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

/** A signed-in person's stream, the hub's side of it, and what the stream has sent so far. */
async function openStream(recheckMs: number) {
  const org = await createOrganisation(db.pool);
  const person = await createPerson(db.pool, org.id);
  const owner = { id: person.id, organisationId: org.id };
  const session = await createSession(db.pool, randomBytes(20).toString('hex'), owner);
  const subscribers = new Set<LiveSubscriber>();
  const aborted = new AbortController();
  const stream = notificationEvents({
    person: owner,
    stillSignedIn: () => isSessionActive(db.pool, session.id),
    readState: () => notificationState(db.pool, owner),
    subscribe: (subscriber) => {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    signal: aborted.signal,
    onError: (error) => {
      throw error;
    },
    recheckMs,
  });
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let ended = false;
  /** Reads until `until` holds of what was sent, or the stream ends. */
  const readUntil = async (until: (sent: string) => boolean) => {
    while (!ended && !until(text)) {
      const { done, value } = await reader.read();
      if (done) ended = true;
      else text += decoder.decode(value);
    }
    return text;
  };
  const states = () => text.split('event: state').length - 1;
  return {
    session,
    subscribers,
    readUntil,
    states,
    get ended() {
      return ended;
    },
    close: () => aborted.abort(),
  };
}

describe('the notifications stream', () => {
  it('[NUD21] ends within its recheck period once the session is signed out elsewhere', async () => {
    const stream = await openStream(100);
    await stream.readUntil(() => stream.states() === 1);
    await invalidateSession(db.pool, stream.session.id);
    const started = Date.now();
    await stream.readUntil(() => false);
    expect(stream.ended).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(stream.subscribers.size).toBe(0);
  });

  it('[NUD21] delivers while the session lasts; after sign-out a delivery sends nothing and ends it', async () => {
    // A recheck period longer than the test: only the check before each delivery can end it.
    const stream = await openStream(3_600_000);
    await stream.readUntil(() => stream.states() === 1);
    for (const subscriber of stream.subscribers) subscriber.changed();
    await stream.readUntil(() => stream.states() === 2);
    await invalidateSession(db.pool, stream.session.id);
    for (const subscriber of stream.subscribers) subscriber.changed();
    await stream.readUntil(() => false);
    expect(stream.ended).toBe(true);
    expect(stream.states()).toBe(2);
    expect(stream.subscribers.size).toBe(0);
  });

  it('[NUD21] a signed-in stream stays open across rechecks', async () => {
    const stream = await openStream(50);
    await stream.readUntil(() => stream.states() === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.ended).toBe(false);
    expect(stream.subscribers.size).toBe(1);
    stream.close();
    await stream.readUntil(() => false);
    expect(stream.ended).toBe(true);
  });
});
