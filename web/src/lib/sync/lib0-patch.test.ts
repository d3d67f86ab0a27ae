// patches/lib0@0.2.120.patch reads short ASCII strings without TextDecoder (it halves the cost
// of decoding a Yjs document in Chromium). Every string must still read back as written.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

const strings = [
  '',
  'a',
  'createdAt',
  '2026-06-17T11:01:00.000Z',
  'e08efb03-74ad-4d3a-9133-d4c50ab57c2c',
  'x'.repeat(64),
  'y'.repeat(65),
  'é',
  'Zoë’s goal',
  '目標',
  'emoji 🎯 inside',
  'ascii then é'.padEnd(64, '!'),
  'long '.repeat(1000),
  '\u0000\u007f',
];

describe('the patched lib0 string reader', () => {
  it('reads back every string written, ASCII or not, short or long, one after another', () => {
    const encoder = encoding.createEncoder();
    for (const string of strings) encoding.writeVarString(encoder, string);
    const decoder = decoding.createDecoder(encoding.toUint8Array(encoder));
    expect(strings.map(() => decoding.readVarString(decoder))).toEqual(strings);
    expect(decoding.hasContent(decoder)).toBe(false);
  });

  it('gives a Yjs document the same keys, values and text after a round trip', () => {
    const doc = new Y.Doc();
    strings.forEach((string, i) => doc.getMap('m').set(`${string}:${i}`, { value: string }));
    doc.getText('t').insert(0, strings.join('|'));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(copy.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    expect(copy.getText('t').toString()).toBe(strings.join('|'));
  });
});
