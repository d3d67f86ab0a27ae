import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changesNothing, isEmptyFor } from './no-op-update.ts';
import { UpdateChecker, type UpdateJudge } from './update-checker.ts';

/** Accepts an update unless it leaves the word "forbidden" in text `t`. */
const wordFilter: UpdateJudge = {
  validate(_live, scratch, update) {
    Y.applyUpdate(scratch, update);
    return scratch.getText('t').toString().includes('forbidden')
      ? { ok: false, reason: 'schema' }
      : { ok: true };
  },
};

function edit(base: Y.Doc, change: (text: Y.Text) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  change(doc.getText('t'));
  return Y.encodeStateAsUpdate(doc, before);
}

// Decodes as a Yjs update but fails halfway through being applied (see room-registry.test.ts).
const poisoned = new Uint8Array([
  1, 4, 1, 0, 4, 1, 1, 116, 2, 115, 111, 129, 1, 125, 3, 132, 1, 4, 4, 116, 101, 120, 116, 40, 1, 1,
  109, 4, 103, 111, 97, 108, 1, 118, 1, 5, 116, 105, 116, 108, 50, 119, 1, 120, 1, 1, 1, 2, 3,
]);

describe('update checker', () => {
  it('[SYNC17] judges an update on the scratch replica and leaves the live document alone', () => {
    const live = new Y.Doc();
    const checker = new UpdateChecker(live, wordFilter);
    const good = edit(live, (t) => t.insert(0, 'fine'));
    expect(checker.judge(good, 'anyone')).toEqual({ ok: true });
    expect(live.getText('t').toString()).toBe('');
    Y.applyUpdate(live, good);

    const bad = edit(live, (t) => t.insert(4, ' forbidden'));
    expect(checker.judge(bad, 'anyone')).toMatchObject({ ok: false, reason: 'schema' });
    expect(live.getText('t').toString()).toBe('fine');
    // The refused change is gone from the replica too: the next update is judged on live's state.
    const next = edit(live, (t) => t.insert(4, '!'));
    expect(checker.judge(next, 'anyone')).toEqual({ ok: true });
  });

  it('[SYNC17] builds the scratch replica ahead of the first check when asked, and again after a refusal drops it', () => {
    const live = new Y.Doc();
    live.getText('t').insert(0, 'fine');
    const checker = new UpdateChecker(live, wordFilter);
    expect(checker.ready).toBe(false);
    checker.prepare();
    expect(checker.ready).toBe(true);
    expect(
      checker.judge(
        edit(live, (t) => t.insert(4, ' forbidden')),
        'anyone',
      ).ok,
    ).toBe(false);
    expect(checker.ready).toBe(false);
    checker.prepare();
    // Built from the live document: the refused change is not in it.
    expect(
      checker.judge(
        edit(live, (t) => t.insert(4, '!')),
        'anyone',
      ),
    ).toEqual({ ok: true });
  });

  it('[SYNC17] keeps the scratch replica equal to the live document through unchecked changes', () => {
    const live = new Y.Doc();
    const checker = new UpdateChecker(live, wordFilter);
    checker.judge(
      edit(live, () => {}),
      'anyone',
    );
    // A change from another node reaches live without a check, and the checker's replica.
    const peer = edit(live, (t) => t.insert(0, 'forbid'));
    Y.applyUpdate(live, peer);
    checker.mirror(peer);
    // Completing the word on top of the peer's change is refused: the replica had the change.
    const completes = edit(live, (t) => t.insert(6, 'den'));
    expect(checker.judge(completes, 'anyone')).toMatchObject({ ok: false });
  });

  it('[SYNC17] refuses an update that depends on changes the server does not have', () => {
    const live = new Y.Doc();
    const checker = new UpdateChecker(live, wordFilter);
    const client = new Y.Doc();
    client.getText('t').insert(0, 'first');
    const before = Y.encodeStateVector(client);
    client.getText('t').insert(5, ' second');
    const onlySecond = Y.encodeStateAsUpdate(client, before);
    expect(checker.judge(onlySecond, 'anyone')).toMatchObject({ ok: false, reason: 'pending' });
    expect(live.store.pendingStructs).toBeNull();
  });

  it('[SYNC14] lets an update that fails halfway throw without touching the live document', () => {
    const live = new Y.Doc();
    Y.applyUpdate(
      live,
      edit(live, (t) => t.insert(0, 'kept')),
    );
    const checker = new UpdateChecker(live, wordFilter);
    expect(() => checker.judge(poisoned, 'anyone')).toThrow();
    expect(live.getText('t').toString()).toBe('kept');
    expect(live.share.size).toBe(1);
    expect(
      checker.judge(
        edit(live, (t) => t.insert(4, '!')),
        'anyone',
      ),
    ).toEqual({ ok: true });
  });

  it('[SYNC19] tells an update that changes nothing from one that does', () => {
    const live = new Y.Doc();
    live.getText('t').insert(0, 'hello');
    live.getText('t').delete(0, 1);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(live));
    // An up-to-date replica's answer to sync step 1 still lists its deletions.
    const answer = Y.encodeStateAsUpdate(replica, Y.encodeStateVector(live));
    expect(changesNothing(live, answer)).toBe(true);
    expect(isEmptyFor(live, answer)).toBe(false);
    expect(isEmptyFor(live, Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
    replica.getText('t').delete(0, 1);
    expect(changesNothing(live, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(live)))).toBe(
      false,
    );
    replica.getText('t').insert(0, 'x');
    expect(changesNothing(live, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(live)))).toBe(
      false,
    );
  });
});
