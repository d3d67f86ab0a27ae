import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import { encodeAwarenessUpdate, type AwarenessEntry } from '@threadline/domain/protocol/awareness';
import { applyAwarenessEntries } from './awareness-entries.ts';

/** A server's Awareness (no state of its own) and every event it emits. */
function serverAwareness() {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  const events: unknown[] = [];
  awareness.on('change', (change: unknown, origin: unknown) =>
    events.push(['change', change, origin]),
  );
  awareness.on('update', (change: unknown, origin: unknown) =>
    events.push(['update', change, origin]),
  );
  return { awareness, events };
}

describe('presence entries applied as decoded (SYNC20)', () => {
  it('[SYNC20] leaves the same states, clocks and events as y-protocols applying the encoded update', () => {
    const steps: AwarenessEntry[][] = [
      [{ clientId: 1, clock: 1, state: { user: { id: 'a' }, cursor: 3 } }],
      [
        { clientId: 1, clock: 2, state: { user: { id: 'a' }, cursor: 3 } }, // same state, newer
        { clientId: 2, clock: 1, state: { user: { id: 'b' } } },
      ],
      [{ clientId: 1, clock: 1, state: { cursor: 9 } }], // older clock: ignored
      [{ clientId: 2, clock: 2, state: { user: { id: 'b' }, cursor: 1 } }],
      [{ clientId: 1, clock: 2, state: null }], // leaving at the same clock
      [{ clientId: 3, clock: 5, state: null }], // never seen, leaving
    ];
    const ours = serverAwareness();
    const theirs = serverAwareness();
    for (const entries of steps) {
      applyAwarenessEntries(ours.awareness, entries, 'origin');
      applyAwarenessUpdate(theirs.awareness, encodeAwarenessUpdate(entries), 'origin');
      expect([...ours.awareness.getStates()]).toEqual([...theirs.awareness.getStates()]);
      // Each side's own (null) entry has its own random client id.
      const clocks = (a: Awareness) =>
        [...a.meta].filter(([client]) => client !== a.clientID).map(([c, meta]) => [c, meta.clock]);
      expect(clocks(ours.awareness)).toEqual(clocks(theirs.awareness));
    }
    expect(ours.events).toEqual(theirs.events);
    expect(ours.events.length).toBeGreaterThan(4);
  });
});
