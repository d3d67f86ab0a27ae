import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isSameType } from './same-type.ts';
import { replica, syncOneWay } from './testing.ts';

describe('isSameType', () => {
  it('[GOAL3] tells the same type on two replicas from one set afresh under the same key', () => {
    const a = replica(1);
    a.getMap('m').set('notes', new Y.Text('x'));
    const b = replica(2);
    syncOneWay(a, b);
    const original = a.getMap('m').get('notes');
    expect(isSameType(original, b.getMap('m').get('notes'))).toBe(true);
    b.getMap('m').set('notes', new Y.Text('x'));
    expect(isSameType(original, b.getMap('m').get('notes'))).toBe(false);
    b.getMap('m').set('notes', new Y.XmlText('x'));
    expect(isSameType(original, b.getMap('m').get('notes'))).toBe(false);
    b.getMap('m').delete('notes');
    expect(isSameType(original, b.getMap('m').get('notes'))).toBe(false);
  });

  it('[GOAL3] asks nothing of a place that held no Yjs type', () => {
    expect(isSameType('plain', new Y.Text())).toBe(true);
    expect(isSameType(undefined, undefined)).toBe(true);
  });
});
