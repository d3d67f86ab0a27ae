import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { formatMarker, markersIn, scanMarkers } from './markers.ts';

describe('edit markers', () => {
  it('formats a sequence number as a tilde and eight hex digits', () => {
    expect(formatMarker(0)).toBe('~00000000');
    expect(formatMarker(255)).toBe('~000000ff');
  });

  it('finds every marker in a text, skipping tildes that start no marker', () => {
    expect(
      markersIn(`a ~ b ${formatMarker(10)} ~zz ${formatMarker(11)}${formatMarker(12)}`),
    ).toEqual([10, 11, 12]);
  });

  it('ignores a marker cut off at the end of the bytes', () => {
    expect(markersIn('~0000000')).toEqual([]);
  });

  it('finds markers inside a Yjs update and inside updates merged together', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const text = doc.getText('t');
    for (const seq of [1, 2, 3]) text.insert(text.length, `${formatMarker(seq)} `);
    const found: number[] = [];
    scanMarkers(updates[1]!, (seq) => found.push(seq));
    expect(found).toEqual([2]);
    const merged: number[] = [];
    scanMarkers(Y.mergeUpdates(updates), (seq) => merged.push(seq));
    expect(merged).toEqual([1, 2, 3]);
  });
});
