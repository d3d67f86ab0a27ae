import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MalformedMessage } from '@threadline/domain/protocol/messages';
import { LogPosition } from './log-position.ts';
import { decodePeerMessage, encodePeerMessage, type PeerMessage } from './peer-message.ts';

describe('peer messages', () => {
  it.each<PeerMessage>([
    {
      kind: 'saved',
      nodeId: 'node-1',
      update: new Uint8Array([1, 2, 3]),
      seqs: [7, 9, 300000],
      stateVector: new Uint8Array([1, 5, 2]),
    },
    { kind: 'awareness', nodeId: 'node-2', update: new Uint8Array([0]) },
  ])('[SYNC25] encodes and decodes a $kind message', (message) => {
    expect(decodePeerMessage(encodePeerMessage(message))).toEqual(message);
  });

  it('[SYNC25] refuses anything else as malformed, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          decodePeerMessage(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedMessage);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('log position', () => {
  it('[SYNC26] finds the rows a room does not hold, above its snapshot', () => {
    const position = new LogPosition({ snapshotSeq: 10, seqs: [12, 15] });
    position.hold([20]);
    expect(position.missing([12, 14, 15, 20, 21])).toEqual([14, 21]);
  });

  it('[SYNC26] moves its baseline only past rows seen long enough ago to have all committed', () => {
    const position = new LogPosition({ snapshotSeq: 0, seqs: [3, 5] });
    position.settle([3, 5], 1000, 500);
    expect(position.baseline).toBe(0);
    // A lower seq may still commit late: until `settleMs` passed, 4 would still be found.
    expect(position.missing([3, 4, 5])).toEqual([4]);
    position.hold([4]);
    position.settle([3, 4, 5, 8], 1200, 500);
    expect(position.baseline).toBe(0);
    position.hold([8]);
    position.settle([3, 4, 5, 8], 1600, 500);
    expect(position.baseline).toBe(5);
    expect(position.missing([8, 9])).toEqual([9]);
  });
});
