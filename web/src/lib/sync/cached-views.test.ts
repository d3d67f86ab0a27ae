import { describe, expect, it } from 'vitest';
import { cachedViewKey, hasCachedView, withCachedView } from './cached-views.ts';

describe('cached views cookie', () => {
  const key = cachedViewKey('person-1', 'goals/cycle-1');

  it('[SYNC27] says a view is kept only for the person and document it was kept for', () => {
    const cookie = withCachedView(undefined, key);
    expect(hasCachedView(cookie, key)).toBe(true);
    expect(hasCachedView(cookie, cachedViewKey('person-2', 'goals/cycle-1'))).toBe(false);
    expect(hasCachedView(cookie, cachedViewKey('person-1', 'goals/cycle-2'))).toBe(false);
    expect(hasCachedView(undefined, key)).toBe(false);
  });

  it('remembers each key once, and forgets the oldest past a dozen', () => {
    let cookie = withCachedView(undefined, key);
    cookie = withCachedView(cookie, key);
    expect(cookie).toBe(key);
    for (let i = 0; i < 12; i++) cookie = withCachedView(cookie, cachedViewKey('p', `goals/${i}`));
    expect(hasCachedView(cookie, key)).toBe(false);
    expect(hasCachedView(cookie, cachedViewKey('p', 'goals/11'))).toBe(true);
  });
});
