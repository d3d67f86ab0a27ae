import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { shiftSelection } from './y-text-binding.ts';

/** The delta a remote change to `before` produces, as the text observer receives it. */
function deltaOf(before: string, change: (text: Y.Text) => void) {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, before);
  let delta: unknown[] = [];
  text.observe((event) => (delta = event.delta));
  change(text);
  return delta as Parameters<typeof shiftSelection>[1];
}

describe('the caret across a remote change', () => {
  it('moves right by text inserted before it, and stays for text inserted after it', () => {
    const before = deltaOf('Reduce bugs', (t) => t.insert(0, 'Please '));
    expect(shiftSelection({ start: 6, end: 6 }, before)).toEqual({ start: 13, end: 13 });
    const after = deltaOf('Reduce bugs', (t) => t.insert(11, ' by 15%'));
    expect(shiftSelection({ start: 6, end: 6 }, after)).toEqual({ start: 6, end: 6 });
  });

  it('stays before text typed exactly at the caret by someone else', () => {
    const delta = deltaOf('Reduce bugs', (t) => t.insert(6, ' post-release'));
    expect(shiftSelection({ start: 6, end: 6 }, delta)).toEqual({ start: 6, end: 6 });
  });

  it('moves left by text deleted before it, and to the deletion when the caret was inside it', () => {
    const delta = deltaOf('Reduce the bugs', (t) => t.delete(7, 4));
    expect(shiftSelection({ start: 15, end: 15 }, delta)).toEqual({ start: 11, end: 11 });
    expect(shiftSelection({ start: 9, end: 13 }, delta)).toEqual({ start: 7, end: 9 });
  });
});
