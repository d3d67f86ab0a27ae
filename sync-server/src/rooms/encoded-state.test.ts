import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeMessage } from '@threadline/domain/protocol/messages';
import { decodeStateVector } from '@threadline/domain/protocol/state-vector';
import { EncodedState } from './encoded-state.ts';
import type { OutgoingFrame } from './outgoing-frame.ts';

/** A room's document with its encoded state following it, as room.ts wires them. */
function room() {
  const doc = new Y.Doc();
  const encoded = new EncodedState(doc);
  doc.on('update', (update: Uint8Array) => encoded.changed(update));
  return { doc, encoded, text: doc.getText('t') };
}

const EMPTY = Y.encodeStateVector(new Y.Doc());

/** A client applying the answer frames in order; returns its text after each frame. */
function join(frames: readonly OutgoingFrame[]) {
  const client = new Y.Doc();
  const seen: { type: string; text: string }[] = [];
  for (const frame of frames) {
    const message = decodeMessage(frame.bytes);
    if (message.type !== 'sync-update' && message.type !== 'sync-step-2')
      throw new Error(message.type);
    Y.applyUpdate(client, message.update);
    seen.push({ type: message.type, text: client.getText('t').toString() });
  }
  return seen;
}

describe('the join answer, encoded once', () => {
  it('[SYNC4] sends an empty client the updates since, then the document; it has all once step 2 is in', () => {
    const { encoded, text } = room();
    text.insert(0, 'hello');
    const first = encoded.syncStep2(EMPTY, decodeStateVector(EMPTY));
    expect(join(first)).toEqual([{ type: 'sync-step-2', text: 'hello' }]);

    text.insert(5, ' world');
    text.delete(0, 1);
    const later = encoded.syncStep2(EMPTY, decodeStateVector(EMPTY));
    // The document was not encoded again: the same frame, after the two updates since.
    expect(later).toHaveLength(3);
    expect(later.at(-1)).toBe(first[0]);
    // The updates build on the document, so they wait for it (Yjs holds them pending).
    expect(join(later)).toEqual([
      { type: 'sync-update', text: '' },
      { type: 'sync-update', text: '' },
      { type: 'sync-step-2', text: 'ello world' },
    ]);
  });

  it('[SYNC4] encodes the document again once the updates since outgrow their budget', () => {
    const { encoded, text } = room();
    text.insert(0, 'start');
    const first = encoded.syncStep2(EMPTY, decodeStateVector(EMPTY));
    for (let i = 0; i < 250; i++) text.insert(text.length, '.');
    const later = encoded.syncStep2(EMPTY, decodeStateVector(EMPTY));
    expect(later).toHaveLength(1);
    expect(later[0]).not.toBe(first[0]);
    expect(join(later)).toEqual([{ type: 'sync-step-2', text: `start${'.'.repeat(250)}` }]);
  });

  it('[SYNC4] answers a client that has some of the document with what it lacks, in one step 2', () => {
    const { doc, encoded, text } = room();
    text.insert(0, 'abc');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    text.insert(3, 'def');
    const vector = Y.encodeStateVector(client);
    const frames = encoded.syncStep2(vector, decodeStateVector(vector));
    expect(frames).toHaveLength(1);
    const message = decodeMessage(frames[0]!.bytes);
    if (message.type !== 'sync-step-2') throw new Error(message.type);
    Y.applyUpdate(client, message.update);
    expect(client.getText('t').toString()).toBe('abcdef');
  });
});
