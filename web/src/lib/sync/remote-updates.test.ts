import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyUnobserved } from './remote-updates.ts';

function updateWithText(text: string) {
  const source = new Y.Doc();
  source.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(source);
}

describe('changes from the server', () => {
  it('[SC4] are applied without calling update listeners, which stay attached for local changes', () => {
    const doc = new Y.Doc();
    const updates: unknown[] = [];
    const transactions: unknown[] = [];
    const listener = (_update: Uint8Array, origin: unknown) => updates.push(origin);
    doc.on('update', listener);
    doc.on('afterTransaction', (tr: Y.Transaction) => transactions.push(tr.origin));

    applyUnobserved(doc, updateWithText('from the server'), 'server');
    expect(doc.getText('t').toString()).toBe('from the server');
    expect(updates).toEqual([]);
    expect(transactions).toEqual(['server']);

    doc.transact(() => doc.getText('t').insert(0, 'mine: '), 'me');
    expect(updates).toEqual(['me']);
  });

  it('keeps the listeners when the change cannot be applied', () => {
    const doc = new Y.Doc();
    const updates: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => updates.push(origin));
    expect(() => applyUnobserved(doc, new Uint8Array([255, 255, 255]), 'server')).toThrow();
    doc.transact(() => doc.getText('t').insert(0, 'x'), 'me');
    expect(updates).toEqual(['me']);
  });
});
