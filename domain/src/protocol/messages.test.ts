import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from './awareness.ts';
import { decodeMessage, encodeMessage, MalformedMessage, type SyncMessage } from './messages.ts';
import {
  decodeStateVector,
  ownChangesCovered,
  stateVectorCovers,
  withReceived,
} from './state-vector.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('sync protocol messages', () => {
  it.each<SyncMessage>([
    { type: 'sync-step-1', stateVector: bytes(0) },
    { type: 'sync-step-2', update: bytes(0, 0) },
    { type: 'sync-update', update: bytes(1, 2, 3) },
    { type: 'awareness', update: bytes(0) },
    { type: 'permission-denied', reason: 'no' },
    { type: 'query-awareness' },
    { type: 'ack', stateVector: bytes(1, 7, 3) },
    { type: 'refused', reason: 'document-too-large' },
    { type: 'access', mode: 'read-only' },
    { type: 'access', mode: 'read-write' },
    { type: 'save-status', state: 'delayed' },
    { type: 'save-status', state: 'resumed' },
  ])('[SYNC4] encodes and decodes a $type message', (message) => {
    expect(decodeMessage(encodeMessage(message))).toEqual(message);
  });

  it('[SYNC4] uses y-websocket numbering: sync 0, awareness 1, auth 2, query 3; ours from 100', () => {
    expect(encodeMessage({ type: 'sync-step-1', stateVector: bytes(0) })).toEqual(
      bytes(0, 0, 1, 0),
    );
    expect(encodeMessage({ type: 'sync-update', update: bytes(9) })).toEqual(bytes(0, 2, 1, 9));
    expect(encodeMessage({ type: 'awareness', update: bytes(0) })).toEqual(bytes(1, 1, 0));
    expect(encodeMessage({ type: 'query-awareness' })).toEqual(bytes(3));
    expect(encodeMessage({ type: 'ack', stateVector: bytes(0) })).toEqual(bytes(100, 1, 0));
    expect(encodeMessage({ type: 'refused', reason: 'x' })[0]).toBe(101);
    expect(encodeMessage({ type: 'access', mode: 'read-only' })[0]).toBe(102);
    expect(encodeMessage({ type: 'save-status', state: 'delayed' })[0]).toBe(103);
  });

  it('[SYNC32] refuses a save-status message with a state it does not know', () => {
    const frame = encodeMessage({ type: 'save-status', state: 'delayed' });
    frame.set(new TextEncoder().encode('delayex'), 2);
    expect(() => decodeMessage(frame)).toThrow(MalformedMessage);
  });

  it('[SYNC19] refuses an access message with a mode it does not know', () => {
    const frame = encodeMessage({ type: 'access', mode: 'read-only' });
    frame.set(new TextEncoder().encode('read-onlx'), 2);
    expect(() => decodeMessage(frame)).toThrow(MalformedMessage);
  });

  it.each([
    ['an empty frame', bytes()],
    ['an unknown type', bytes(7)],
    ['an unknown sync step', bytes(0, 3, 0)],
    ['a truncated payload', bytes(0, 2, 5, 1, 2)],
    ['trailing bytes', bytes(3, 0)],
    ['an unfinished varint', bytes(0, 0x80)],
    ['a huge length', bytes(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f)],
  ])('[SYNC14] refuses %s as malformed', (_label, frame) => {
    expect(() => decodeMessage(frame)).toThrow(MalformedMessage);
  });

  it('[SYNC14] never throws anything but MalformedMessage, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (frame) => {
        try {
          decodeMessage(frame);
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedMessage);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('[SYNC14] copies payloads so they never alias the frame', () => {
    const frame = encodeMessage({ type: 'sync-update', update: bytes(1, 2, 3) });
    const message = decodeMessage(frame);
    frame.fill(0);
    expect(message).toEqual({ type: 'sync-update', update: bytes(1, 2, 3) });
  });
});

describe('state vectors', () => {
  function vector(entries: [number, number][]) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, entries.length);
    for (const [client, clock] of entries) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, clock);
    }
    return encoding.toUint8Array(encoder);
  }

  it('[SYNC5] decodes a Yjs state vector', () => {
    expect(
      decodeStateVector(
        vector([
          [12, 3],
          [99999, 7],
        ]),
      ),
    ).toEqual(
      new Map([
        [12, 3],
        [99999, 7],
      ]),
    );
  });

  it('[SYNC5] counts a client saved only when the durable vector covers every local clock', () => {
    const durable = new Map([
      [1, 5],
      [2, 3],
    ]);
    expect(stateVectorCovers(durable, new Map([[1, 5]]))).toBe(true);
    expect(
      stateVectorCovers(
        durable,
        new Map([
          [1, 4],
          [2, 3],
        ]),
      ),
    ).toBe(true);
    expect(stateVectorCovers(durable, new Map([[1, 6]]))).toBe(false);
    expect(stateVectorCovers(durable, new Map([[3, 1]]))).toBe(false);
    expect(stateVectorCovers(durable, new Map())).toBe(true);
  });

  it('[SYNC5] [SC1] counts changes received from the server as covered, and only up to where they came', () => {
    const received = withReceived(new Map([[2, 1]]), new Map([[2, 1]]), new Map([[2, 4]]));
    expect(received).toEqual(new Map([[2, 4]]));
    // A transaction that moved nothing (our own update echoed back) records nothing.
    expect(withReceived(received, new Map([[1, 3]]), new Map([[1, 3]]))).toBe(received);
    const local = new Map([
      [1, 5],
      [2, 4],
    ]);
    expect(ownChangesCovered(new Map([[1, 5]]), received, local)).toBe(true);
    expect(ownChangesCovered(new Map([[1, 4]]), received, local)).toBe(false);
    expect(ownChangesCovered(new Map([[1, 5]]), new Map([[2, 3]]), local)).toBe(false);
  });

  it('[SYNC14] refuses a truncated state vector', () => {
    expect(() => decodeStateVector(bytes(2, 1, 1))).toThrow(MalformedMessage);
  });
});

describe('awareness updates', () => {
  function awareness(entries: [number, number, string][]) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, entries.length);
    for (const [client, clock, json] of entries) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, json);
    }
    return encoding.toUint8Array(encoder);
  }

  it('[SYNC14] decodes every entry of a well-formed awareness update', () => {
    expect(
      decodeAwarenessUpdate(
        awareness([
          [1, 2, '{"name":"Ada"}'],
          [3, 4, 'null'],
        ]),
      ),
    ).toEqual([
      { clientId: 1, clock: 2, state: { name: 'Ada' } },
      { clientId: 3, clock: 4, state: null },
    ]);
  });

  it('[SYNC14] refuses an awareness update whose later entry is broken JSON or truncated', () => {
    expect(() =>
      decodeAwarenessUpdate(
        awareness([
          [1, 2, '{}'],
          [3, 4, '{'],
        ]),
      ),
    ).toThrow(MalformedMessage);
    const whole = awareness([[1, 2, '{"a":1}']]);
    expect(encodeAwarenessUpdate(decodeAwarenessUpdate(whole))).toEqual(whole);
    expect(() => decodeAwarenessUpdate(whole.subarray(0, whole.length - 2))).toThrow(
      MalformedMessage,
    );
  });
});
