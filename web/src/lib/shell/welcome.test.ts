import { describe, expect, it } from 'vitest';
import { dismissWelcome, welcomeDismissed } from './welcome.ts';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('the first-visit welcome', () => {
  it('is remembered as dismissed per person', () => {
    const storage = memoryStorage();
    expect(welcomeDismissed(storage, 'a')).toBe(false);
    dismissWelcome(storage, 'a');
    expect(welcomeDismissed(storage, 'a')).toBe(true);
    expect(welcomeDismissed(storage, 'b')).toBe(false);
  });

  it('is shown when storage refuses to answer', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(welcomeDismissed(refusing, 'a')).toBe(false);
  });
});
