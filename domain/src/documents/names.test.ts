import { describe, expect, it } from 'vitest';
import { formatDocumentName, parseDocumentName, type DocumentName } from './names.ts';

const A = '0b5e8f2c-5a4e-4d7b-9a7c-2f1e3d4c5b6a';
const B = 'c3d2e1f0-1234-4abc-8def-0123456789ab';

describe('document names', () => {
  it.each<[string, DocumentName]>([
    [`goals/${A}`, { kind: 'goals', cycleId: A }],
    [`one-on-one/${A}`, { kind: 'one-on-one', seriesId: A }],
    [`one-on-one-mood/${A}`, { kind: 'one-on-one-mood', seriesId: A }],
    [`private-notes/${A}/${B}`, { kind: 'private-notes', seriesId: A, personId: B }],
    [`calibration/${B}`, { kind: 'calibration', sessionId: B }],
    [
      `calibration-proposals/${B}/${A}`,
      { kind: 'calibration-proposals', sessionId: B, managerId: A },
    ],
    [`development-plan/${A}`, { kind: 'development-plan', personId: A }],
  ])('[SYNC1] parses %s and formats it back to the same name', (name, parsed) => {
    expect(parseDocumentName(name)).toEqual(parsed);
    expect(formatDocumentName(parsed)).toBe(name);
  });

  it.each([
    '',
    'goals',
    'goals/',
    `goals/${A}/`,
    `goals/${A}/${B}`,
    `goals/${A.toUpperCase()}`,
    `goals/{${A}}`,
    'goals/not-a-uuid',
    `private-notes/${A}`,
    `private-notes/${A}/${B}/${A}`,
    `calibration/${A}/${B}`,
    `calibration-proposals/${A}`,
    `calibration-proposals/${A}/${B}/${A}`,
    `development-plan/${A}/${B}`,
    `calendar/${A}`,
    `/goals/${A}`,
    `goals/../${A}`,
    `GOALS/${A}`,
  ])('[SYNC1] refuses %j, which names no document', (name) => {
    expect(parseDocumentName(name)).toBeNull();
  });
});
