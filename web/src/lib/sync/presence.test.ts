import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import {
  colourFor,
  editorsOf,
  peersOf,
  peopleHere,
  PRESENCE_COLOURS,
  presenceState,
  readPresence,
} from './presence.ts';
import { Presence } from './presence.svelte.ts';
import { track } from './svelte-test-runtime.ts';
import type { SyncedDocument } from './synced-document.ts';

vi.mock('svelte/reactivity', async () =>
  (await import('./svelte-test-runtime.ts')).clientReactivity(),
);

/** An awareness holding other clients' states as they would arrive from the server. */
function awarenessWith(states: Record<number, unknown>) {
  const awareness = new Awareness(new Y.Doc());
  for (const [clientId, state] of Object.entries(states)) {
    awareness.states.set(Number(clientId), state as Record<string, unknown>);
  }
  return awareness;
}

const ada = { id: 'p-ada', name: 'Ada' };
const ben = { id: 'p-ben', name: 'Ben' };

describe('presence', () => {
  it('[SC6] gives each person one colour from the palette, the same every time', () => {
    expect(colourFor(ada.id)).toBe(colourFor(ada.id));
    expect(PRESENCE_COLOURS).toContain(colourFor(ada.id));
    const colours = new Set(Array.from({ length: 50 }, (_, i) => colourFor(`person-${i}`)));
    expect(colours.size).toBeGreaterThan(4);
  });

  it('[SC6] lists other clients, skipping itself and states of the wrong shape', () => {
    const awareness = awarenessWith({
      11: presenceState(ben, 'goal-1'),
      12: presenceState(ada),
      13: { user: { name: 'no id' } },
      14: 'not an object',
    });
    awareness.setLocalState(presenceState(ada));
    expect(peersOf(awareness)).toEqual([
      { clientId: 12, ...presenceState(ada) },
      { clientId: 11, ...presenceState(ben, 'goal-1') },
    ]);
  });

  it('[SC6] never takes a colour it did not hand out (it ends up in a style attribute)', () => {
    const state = readPresence({ user: { ...ada, colour: 'red; background: url(x)' } });
    expect(state?.user.colour).toBe(colourFor(ada.id));
  });

  it('[SC6] counts a person with several tabs once, and says who edits what', () => {
    const awareness = awarenessWith({
      1: presenceState(ada, 'goal-1'),
      2: presenceState(ada, 'goal-2'),
      3: presenceState(ben, 'goal-1'),
    });
    const peers = peersOf(awareness);
    expect(peopleHere(peers).map((user) => user.name)).toEqual(['Ada', 'Ben']);
    expect(peopleHere(peers, ada.id).map((user) => user.name)).toEqual(['Ben']);
    expect(editorsOf(peers, 'goal-1').map((user) => user.name)).toEqual(['Ada', 'Ben']);
    expect(editorsOf(peers, 'goal-2').map((user) => user.name)).toEqual(['Ada']);
    expect(editorsOf(peers, 'goal-3')).toEqual([]);
  });
});

describe('Presence (reactive)', () => {
  /** The part of a SyncedDocument that Presence uses, with a reset that swaps the awareness. */
  function fakeDocument() {
    const resets = new Set<() => void>();
    const fake = {
      awareness: new Awareness(new Y.Doc()),
      onReset(listener: () => void) {
        resets.add(listener);
        return () => resets.delete(listener);
      },
      setEditing(target: string | null) {
        fake.awareness.setLocalStateField('editing', target);
      },
      reset() {
        fake.awareness = new Awareness(new Y.Doc());
        for (const listener of resets) listener();
      },
    };
    return fake;
  }

  it('[SC6] follows people arriving, editing and leaving, across a replica reset', () => {
    const document = fakeDocument();
    const presence = new Presence(document as unknown as SyncedDocument, ada.id);
    const seen = track(() =>
      presence.people.map((user) => `${user.name}:${presence.editing('goal-1').length}`).join(),
    );
    document.awareness.states.set(7, presenceState(ben));
    document.awareness.emit('change', [{ added: [7], updated: [], removed: [] }, 'remote']);
    seen.flush();
    document.awareness.states.set(7, presenceState(ben, 'goal-1'));
    document.awareness.emit('change', [{ added: [], updated: [7], removed: [] }, 'remote']);
    seen.flush();
    document.reset();
    seen.flush();
    expect(seen.values).toEqual(['', 'Ben:0', 'Ben:1', '']);
    presence.setEditing('goal-2');
    expect(readPresence(document.awareness.getLocalState())).toBeNull(); // no user set here
    expect(document.awareness.getLocalState()).toEqual({ editing: 'goal-2' });
    seen.stop();
  });
});

describe('Presence readers', () => {
  it('[SC6] re-run when who is here or what they edit changes, not on a caret move', () => {
    const awareness = new Awareness(new Y.Doc());
    const document = {
      awareness,
      onReset: () => () => {},
      setEditing: () => {},
    } as unknown as SyncedDocument;
    const presence = new Presence(document, ada.id);
    let runs = 0;
    const seen = track(() => {
      runs += 1;
      return presence.people.map((user) => user.name).join();
    });
    const before = runs;
    awareness.states.set(7, { ...presenceState(ben), cursor: { anchor: 1 } });
    awareness.emit('change', [{ added: [7], updated: [], removed: [] }, 'remote']);
    seen.flush();
    expect(runs).toBe(before + 1);
    // Ben's caret moves, then one's own: nothing shown changes.
    awareness.states.set(7, { ...presenceState(ben), cursor: { anchor: 2 } });
    awareness.emit('change', [{ added: [], updated: [7], removed: [] }, 'remote']);
    awareness.setLocalStateField('cursor', { anchor: 3 });
    seen.flush();
    expect(runs).toBe(before + 1);
    // Ben starts editing a point: readers re-run.
    awareness.states.set(7, { ...presenceState(ben, 'point-1'), cursor: { anchor: 2 } });
    awareness.emit('change', [{ added: [], updated: [7], removed: [] }, 'remote']);
    seen.flush();
    expect(runs).toBe(before + 2);
    expect(presence.editing('point-1').map((user) => user.name)).toEqual(['Ben']);
    expect(seen.values.at(-1)).toBe('Ben');
    seen.stop();
  });
});
