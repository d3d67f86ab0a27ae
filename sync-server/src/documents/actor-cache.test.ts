// The actor cache's timing (SYNC21, ONE19): an actor older than its kind's max age is used while a
// fresh one loads, so no update waits for the database; a change to the people drops it at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Queryable, SessionPerson } from '@threadline/db';
import { ActorCache } from './actor-cache.ts';
import type { DocumentKind } from './document-kind.ts';

const person = { id: 'p1', organisationId: 'o1' } as SessionPerson;
const document = { kind: 'one-on-one', seriesId: 's1' } as const;

/** A kind whose actor is the number of times it was loaded; each load waits for `release`. */
function countingKind(maxAgeMs: number) {
  let loads = 0;
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const kind = {
    actorMaxAgeMs: maxAgeMs,
    loadActor: () =>
      new Promise<number>((resolve, reject) => {
        const n = ++loads;
        pending.push({ resolve: () => resolve(n), reject });
      }),
  } as unknown as DocumentKind<'one-on-one'>;
  return {
    kind,
    loads: () => loads,
    finish: async () => {
      pending.shift()!.resolve();
      await Promise.resolve();
      await Promise.resolve();
    },
    fail: async () => {
      pending.shift()!.reject(new Error('database away'));
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

const actorOf = (entry: ReturnType<ActorCache['get']>) => (entry.ready ? entry.actor : 'loading');

/** A cache over no database and no documents: the kinds' `loadActor` below reads neither. */
const newCache = () =>
  new ActorCache({} as Queryable, () => Promise.reject(new Error('no documents here')));

afterEach(() => vi.useRealTimers());

describe('ActorCache', () => {
  it('loads once, then serves the loaded actor', async () => {
    const cache = newCache();
    const { kind, loads, finish } = countingKind(15_000);
    expect(actorOf(cache.get(document, kind, person))).toBe('loading');
    await finish();
    expect(actorOf(cache.get(document, kind, person))).toBe(1);
    expect(loads()).toBe(1);
  });

  it('serves an expired actor at once while a fresh one loads, then the fresh one', async () => {
    vi.useFakeTimers();
    const cache = newCache();
    const { kind, loads, finish } = countingKind(15_000);
    cache.get(document, kind, person);
    await finish();
    vi.advanceTimersByTime(16_000);
    expect(actorOf(cache.get(document, kind, person))).toBe(1);
    expect(actorOf(cache.get(document, kind, person))).toBe(1);
    expect(loads()).toBe(2); // one reload, however many updates came meanwhile
    await finish();
    expect(actorOf(cache.get(document, kind, person))).toBe(2);
  });

  it('keeps the old actor when a reload fails, and tries again on a later update', async () => {
    vi.useFakeTimers();
    const cache = newCache();
    const { kind, loads, finish, fail } = countingKind(15_000);
    cache.get(document, kind, person);
    await finish();
    vi.advanceTimersByTime(16_000);
    cache.get(document, kind, person);
    await fail();
    expect(actorOf(cache.get(document, kind, person))).toBe(1);
    expect(loads()).toBe(3);
    await finish();
    expect(actorOf(cache.get(document, kind, person))).toBe(3);
  });

  it('drops actors when the people change, and a reload under way does not bring one back', async () => {
    vi.useFakeTimers();
    const cache = newCache();
    const { kind, loads, finish } = countingKind(15_000);
    cache.get(document, kind, person);
    await finish();
    vi.advanceTimersByTime(16_000);
    cache.get(document, kind, person); // starts a reload
    cache.invalidate(person.organisationId);
    await finish();
    expect(actorOf(cache.get(document, kind, person))).toBe('loading');
    expect(loads()).toBe(3);
  });
});
