import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { z } from 'zod';
import { UUID_PATTERN } from '../ids.ts';
import {
  hasMoreEntriesThan,
  hasStrayContent,
  isYType,
  yArray,
  yMap,
  yPlainText,
  yRecord,
} from './schema.ts';
import { schemaIssues } from './testing.ts';

/** Adds `value` to a document under `key` of a root map, so it is a Yjs value as a peer sees it. */
function stored<T>(make: () => T): T {
  const doc = new Y.Doc();
  const value = make();
  doc.getMap('root').set('value', value);
  return doc.getMap('root').get('value') as T;
}

/**
 * The root `name` of a document as a `Type`, holding what a tampered peer wrote into it as an
 * `Other` (a list's items under a map, a map's keys under a list): Yjs keeps both.
 */
function tampered<T>(
  name: string,
  type: new () => T,
  write: (doc: Y.Doc) => void,
): { doc: Y.Doc; value: T } {
  const peer = new Y.Doc();
  write(peer);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
  return { doc, value: doc.get(name, type as never) as T };
}

describe('Yjs type adapters', () => {
  it('tells a Yjs type from its subclasses', () => {
    expect(isYType(new Y.Text(), Y.Text)).toBe(true);
    expect(isYType(new Y.XmlText(), Y.Text)).toBe(false);
    expect(isYType(new Y.XmlElement('p'), Y.XmlFragment)).toBe(false);
    expect(isYType(new Y.XmlHook('h'), Y.Map)).toBe(false);
    expect(isYType('text', Y.Text)).toBe(false);
  });

  it('finds list content in a map and keys in a list, a text or a fragment', () => {
    expect(hasStrayContent(new Y.Doc().getMap('m'))).toBe(false);
    const map = tampered('m', Y.Map, (peer) => peer.getArray('m').insert(0, [1])).value;
    expect(hasStrayContent(map)).toBe(true);
    const list = tampered('a', Y.Array, (peer) => peer.getMap('a').set('k', 1)).value;
    expect(hasStrayContent(list)).toBe(true);
    const fragment = tampered('f', Y.XmlFragment, (peer) => peer.getMap('f').set('k', 1)).value;
    expect(hasStrayContent(fragment)).toBe(true);
    const text = new Y.Doc().getText('t');
    text.setAttribute('k', 1);
    expect(hasStrayContent(text)).toBe(true);
    const element = stored(() => new Y.XmlElement('p'));
    element.setAttribute('class', 'x');
    element.insert(0, [new Y.XmlText('x')]);
    expect(hasStrayContent(element)).toBe(false);
  });

  it('checks a Y.Map against an exact shape', () => {
    const schema = yMap({ title: yPlainText(10), done: z.boolean().optional() });
    const good = stored(() => new Y.Map<unknown>());
    good.set('title', new Y.Text('Agenda'));
    expect(schemaIssues(schema, good)).toEqual([]);
    expect(schema.parse(good).title.toString()).toBe('Agenda');

    good.set('colour', 'red');
    expect(schemaIssues(schema, good)).toEqual([': Unrecognized key: "colour"']);
    expect(schemaIssues(schema, 'a string')).toEqual([': Expected a Y.Map.']);
    expect(
      schemaIssues(
        schema,
        stored(() => new Y.XmlHook('h')),
      ),
    ).toEqual([': Expected a Y.Map.']);
  });

  it('refuses a Y.Map holding list content its reader would never see', () => {
    const { doc, value: map } = tampered('m', Y.Map, (peer) => peer.getArray('m').insert(0, ['x']));
    const honest = new Y.Doc();
    honest.getMap('m').set('title', new Y.Text('x'));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(honest));
    expect(map.get('title')).toBeInstanceOf(Y.Text);
    expect(schemaIssues(yMap({ title: yPlainText(10) }), map)).toEqual([
      ': Unexpected list content in a map.',
    ]);
  });

  it('checks a Y.Map used as a record: its keys, its values and how many there are', () => {
    const schema = yRecord(z.string().regex(UUID_PATTERN), z.number(), { max: 2 });
    const map = stored(() => new Y.Map<unknown>());
    map.set('00000000-0000-4000-8000-000000000001', 1);
    expect(schema.parse(map)).toEqual({ '00000000-0000-4000-8000-000000000001': 1 });
    map.set('not-an-id', 2);
    expect(schemaIssues(schema, map)).toEqual(['not-an-id: Invalid key in record']);
    map.delete('not-an-id');
    map.set('00000000-0000-4000-8000-000000000002', 'two');
    expect(schemaIssues(schema, map)).toEqual([
      '00000000-0000-4000-8000-000000000002: Invalid input: expected number, received string',
    ]);
    map.set('00000000-0000-4000-8000-000000000002', 2);
    map.set('00000000-0000-4000-8000-000000000003', 3);
    expect(schemaIssues(schema, map)).toEqual([': At most 2 entries.']);
  });

  it("counts a Y.Map's live entries against a limit, deleted keys left out", () => {
    const doc = new Y.Doc();
    const map = doc.getMap<number>('root');
    for (let i = 0; i < 5; i++) map.set(`k${i}`, i);
    expect(hasMoreEntriesThan(map, 4)).toBe(true);
    expect(hasMoreEntriesThan(map, 5)).toBe(false);
    // Deleted keys stay in Yjs's own map: they bound the count but are not entries.
    map.delete('k0');
    map.delete('k1');
    expect(hasMoreEntriesThan(map, 3)).toBe(false);
    expect(hasMoreEntriesThan(map, 2)).toBe(true);
  });

  it('checks a Y.Array: its items and its length, the length before any item', () => {
    const schema = yArray(z.string(), { min: 1, max: 3 });
    const list = stored(() => new Y.Array<unknown>());
    expect(schemaIssues(schema, list)).toEqual([': Too small: expected array to have >=1 items']);
    list.push(['a', 'b']);
    expect(schema.parse(list)).toEqual(['a', 'b']);
    list.push([3]);
    expect(schemaIssues(schema, list)).toEqual([
      '2: Invalid input: expected string, received number',
    ]);
    list.push([4]);
    expect(schemaIssues(schema, list)).toEqual([': At most 3 items.']);
    expect(
      schemaIssues(
        schema,
        stored(() => new Y.Text()),
      ),
    ).toEqual([': Expected a Y.Array.']);
  });

  it('checks plain text in a Y.Text: no formatting, no embeds, no XML text, bounded length', () => {
    const schema = yPlainText(5);
    const text = stored(() => new Y.Text('hello'));
    expect(schemaIssues(schema, text)).toEqual([]);
    text.insert(5, '!');
    expect(schemaIssues(schema, text)).toEqual([': At most 5 characters.']);
    text.delete(5, 1);
    text.format(0, 1, { bold: true });
    expect(schemaIssues(schema, text)).toEqual([': Expected plain text.']);
    const embed = stored(() => new Y.Text());
    embed.insertEmbed(0, { image: 'x' });
    expect(schemaIssues(schema, embed)).toEqual([': Expected plain text.']);
    expect(
      schemaIssues(
        schema,
        stored(() => new Y.XmlText('hi')),
      ),
    ).toEqual([': Expected a Y.Text.']);
    expect(schemaIssues(schema, 'hello')).toEqual([': Expected a Y.Text.']);
  });
});
