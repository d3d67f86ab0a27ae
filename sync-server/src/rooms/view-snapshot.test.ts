import { describe, expect, it } from 'vitest';
import { SNAPSHOT_MAX_AGE_MS, ViewSnapshot } from './view-snapshot.ts';

function counted() {
  let now = 1_000_000;
  let writes = 0;
  const snapshot = new ViewSnapshot(
    () => `version ${++writes}`,
    () => now,
  );
  return { snapshot, pass: (ms: number) => (now += ms), writes: () => writes };
}

describe('the kept view snapshot of a room', () => {
  it('[SYNC27] is written once while the document does not change', () => {
    const { snapshot, pass, writes } = counted();
    expect(snapshot.current()).toBe('version 1');
    pass(SNAPSHOT_MAX_AGE_MS * 3);
    expect(snapshot.current()).toBe('version 1');
    expect(writes()).toBe(1);
  });

  it('[SYNC27] after a change, is served as kept until it is MAX_AGE old, then written again', () => {
    const { snapshot, pass } = counted();
    snapshot.current();
    snapshot.changed();
    pass(SNAPSHOT_MAX_AGE_MS - 1);
    expect(snapshot.current()).toBe('version 1');
    pass(1);
    expect(snapshot.current()).toBe('version 2');
    expect(snapshot.current()).toBe('version 2');
  });
});
