import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { z } from 'zod';
import {
  richTextChangeIssues,
  yXmlElement,
  yXmlFragment,
  yXmlText,
  type RichTextSchema,
} from './rich-text.ts';
import { collectTouched } from './touched.ts';
import { yArray, yMap, yRecord } from './schema.ts';
import { schemaIssues } from './testing.ts';

/** Shared notes as a TipTap editor with a few of its usual nodes and marks would keep them. */
const notes: RichTextSchema = {
  top: ['paragraph', 'heading', 'bulletList'],
  nodes: {
    paragraph: { text: true, children: ['hardBreak'] },
    heading: { text: true, attributes: z.strictObject({ level: z.int().min(1).max(3) }) },
    bulletList: { children: ['listItem'] },
    listItem: { children: ['paragraph', 'bulletList'] },
    hardBreak: {},
  },
  marks: {
    bold: z.strictObject({}),
    link: z.strictObject({ href: z.url({ protocol: /^https?$/ }) }),
  },
  maxLength: 40,
  maxElements: 12,
};

function element(name: string, children: (Y.XmlElement | Y.XmlText)[] = []) {
  const node = new Y.XmlElement(name);
  node.insert(0, children);
  return node;
}

/** A document's fragment holding `children`, integrated as a peer's update would leave it. */
function fragmentOf(children: (Y.XmlElement | Y.XmlText)[]): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('notes');
  fragment.insert(0, children);
  return fragment;
}

/** Agenda notes as the editor writes them: a heading, formatted text, a break, a nested list. */
function editorNotes(): Y.XmlFragment {
  const heading = element('heading', [new Y.XmlText('Agenda')]);
  const fragment = fragmentOf([
    heading,
    element('paragraph', [new Y.XmlText('Hello '), element('hardBreak')]),
    element('bulletList', [
      element('listItem', [element('paragraph'), element('bulletList', [element('listItem')])]),
    ]),
  ]);
  heading.setAttribute('level', 2 as unknown as string);
  const text = (fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText;
  text.insert(6, 'team', { bold: {} });
  text.insert(10, '!', { link: { href: 'https://example.test/' } });
  return fragment;
}

describe('rich-text adapters', () => {
  it('accepts notes as a TipTap editor writes them', () => {
    const fragment = editorNotes();
    expect(schemaIssues(yXmlFragment(notes), fragment)).toEqual([]);
    expect(fragment.toString()).toContain('<heading level="2">Agenda</heading>');
  });

  it('refuses elements the schema does not name or does not allow where they are', () => {
    const fragment = fragmentOf([
      element('script', [new Y.XmlText('x')]),
      element('bulletList', [element('listItem', [element('heading')])]),
      element('hardBreak'),
    ]);
    expect(schemaIssues(yXmlFragment(notes), fragment)).toEqual([
      '0: Unexpected element <script>.',
      '1.0.0: Unexpected element <heading>.',
      '2: Unexpected element <hardBreak>.',
    ]);
  });

  it('refuses text outside a text block and content that is neither an element nor text', () => {
    const fragment = fragmentOf([element('bulletList', [new Y.XmlText('loose')])]);
    expect(schemaIssues(yXmlFragment(notes), fragment)).toEqual(['0.0: Text is not allowed here.']);
    const doc = new Y.Doc();
    const peer = new Y.Doc();
    peer.getArray('notes').insert(0, ['a string', new Y.Map()]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    expect(schemaIssues(yXmlFragment(notes), doc.getXmlFragment('notes'))).toEqual([
      '0: Expected an element or text.',
      '1: Expected an element or text.',
    ]);
  });

  it("checks each element's attributes against its node", () => {
    const heading = element('heading', [new Y.XmlText('Big')]);
    const paragraph = element('paragraph');
    const fragment = fragmentOf([heading, paragraph]);
    heading.setAttribute('level', 7 as unknown as string);
    paragraph.setAttribute('onclick', 'x');
    expect(schemaIssues(yXmlFragment(notes), fragment)).toEqual([
      '0.attributes.level: Too big: expected number to be <=3',
      '1.attributes: Unrecognized key: "onclick"',
    ]);
  });

  it('refuses marks the schema does not name, marks with bad attributes, embeds and attributes on text', () => {
    const text = new Y.XmlText();
    fragmentOf([element('paragraph', [text])]);
    text.insert(0, 'a', { colour: 'red' });
    text.insert(1, 'b', { link: { href: 'javascript:alert(1)' } });
    text.insertEmbed(2, { image: 'x' });
    text.setAttribute('style', 'x');
    expect(schemaIssues(yXmlText(notes), text)).toEqual([
      ': Unexpected attributes on text.',
      'marks.colour: Unknown mark "colour".',
      'marks.link.href: Invalid URL',
      ': Expected text, not an embed.',
    ]);
  });

  it('bounds the text and the elements of the whole fragment', () => {
    const long = fragmentOf([
      element('paragraph', [new Y.XmlText('x'.repeat(30))]),
      element('paragraph', [new Y.XmlText('y'.repeat(11))]),
    ]);
    expect(schemaIssues(yXmlFragment(notes), long)).toEqual(['1.0: At most 40 characters.']);
    const many = fragmentOf(Array.from({ length: 13 }, () => element('paragraph')));
    expect(schemaIssues(yXmlFragment(notes), many)).toEqual(['12: At most 12 elements.']);
  });

  it('walks lists nested deeper than a recursive walk could go', () => {
    const fragment = new Y.Doc().getXmlFragment('notes');
    const depth = 20_000;
    fragment.doc!.transact(() => {
      let parent: Y.XmlFragment = fragment;
      for (let level = 0; level < depth; level++) {
        const child = new Y.XmlElement(level % 2 === 0 ? 'bulletList' : 'listItem');
        parent.insert(0, [child]);
        parent = child;
      }
    });
    const deep = { ...notes, maxElements: depth };
    expect(schemaIssues(yXmlFragment(deep), fragment)).toEqual([]);
    expect(schemaIssues(yXmlFragment({ ...deep, maxElements: 10 }), fragment)).toEqual([
      `${Array.from({ length: 11 }, () => 0).join('.')}: At most 10 elements.`,
    ]);
  });

  it('checks a single element or text, and tells the XML types apart', () => {
    const fragment = editorNotes();
    const heading = fragment.get(0) as Y.XmlElement;
    expect(schemaIssues(yXmlElement(notes), heading)).toEqual([]);
    expect(schemaIssues(yXmlElement(notes, ['paragraph']), heading)).toEqual([
      ': Unexpected element <heading>.',
    ]);
    expect(schemaIssues(yXmlElement(notes), fragment)).toEqual([': Expected a Y.XmlElement.']);
    expect(schemaIssues(yXmlFragment(notes), heading)).toEqual([': Expected a Y.XmlFragment.']);
    expect(schemaIssues(yXmlText(notes), new Y.Text('plain'))).toEqual([': Expected a Y.XmlText.']);
  });

  it('lets a new kind write its schema from the adapters: meetings with talking points and notes', () => {
    const meetingSchema = yMap({
      talkingPoints: yArray(z.strictObject({ text: z.string().max(200), done: z.boolean() }), {
        max: 50,
      }),
      notes: yXmlFragment(notes),
    });
    const agenda = yRecord(z.uuid(), meetingSchema, { max: 100 });
    const doc = new Y.Doc();
    const meeting = new Y.Map<unknown>();
    doc.getMap('meetings').set('0b5e8f2c-5a4e-4d7b-9a7c-2f1e3d4c5b6a', meeting);
    meeting.set('talkingPoints', Y.Array.from([{ text: 'Promotion', done: false }]));
    const shared = new Y.XmlFragment();
    meeting.set('notes', shared);
    shared.insert(0, [element('paragraph', [new Y.XmlText('We agreed.')])]);
    expect(schemaIssues(agenda, doc.getMap('meetings'))).toEqual([]);
    shared.insert(1, [element('script')]);
    expect(schemaIssues(agenda, doc.getMap('meetings'))).toEqual([
      '0b5e8f2c-5a4e-4d7b-9a7c-2f1e3d4c5b6a.notes.1: Unexpected element <script>.',
    ]);
  });
});

describe('ONE9: checking only what an update changed (richTextChangeIssues)', () => {
  /** Each edit a peer might send, valid or not, made on a copy of valid notes. */
  const edits: Record<string, { valid: boolean; edit: (fragment: Y.XmlFragment) => void }> = {
    'typing into a paragraph': {
      valid: true,
      edit: (f) => ((f.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Hi '),
    },
    'a bold word': {
      valid: true,
      edit: (f) => ((f.get(1) as Y.XmlElement).get(0) as Y.XmlText).format(0, 3, { bold: {} }),
    },
    'an unknown mark': {
      valid: false,
      edit: (f) => ((f.get(1) as Y.XmlElement).get(0) as Y.XmlText).format(0, 3, { italic: {} }),
    },
    'an element the editor cannot show, inside a paragraph': {
      valid: false,
      edit: (f) => (f.get(1) as Y.XmlElement).insert(0, [element('script')]),
    },
    'text at the top': { valid: false, edit: (f) => f.insert(0, [new Y.XmlText('loose')]) },
    'a heading level out of range': {
      valid: false,
      edit: (f) => (f.get(0) as Y.XmlElement).setAttribute('level', 9 as unknown as string),
    },
    'attributes on a paragraph': {
      valid: false,
      edit: (f) => (f.get(1) as Y.XmlElement).setAttribute('onclick', 'x'),
    },
    'a new list with an item and text': {
      valid: true,
      edit: (f) =>
        f.insert(3, [
          element('bulletList', [
            element('listItem', [element('paragraph', [new Y.XmlText('a')])]),
          ]),
        ]),
    },
    'a heading inside a new list item (not allowed there)': {
      valid: false,
      edit: (f) =>
        f.insert(3, [element('bulletList', [element('listItem', [element('heading')])])]),
    },
    'a paragraph deep in the list, with an unknown mark in its new text': {
      valid: false,
      edit: (f) => {
        const item = ((f.get(2) as Y.XmlElement).get(0) as Y.XmlElement).get(1) as Y.XmlElement;
        const text = new Y.XmlText();
        (item.get(0) as Y.XmlElement).insert(0, [element('paragraph', [text])]);
        text.insert(0, 'x', { underline: {} });
      },
    },
    'text inside a list': {
      valid: false,
      edit: (f) => (f.get(2) as Y.XmlElement).insert(0, [new Y.XmlText('loose')]),
    },
    'more text than the limit, spread over paragraphs': {
      valid: false,
      edit: (f) =>
        f.insert(
          0,
          [1, 2, 3].map(() => element('paragraph', [new Y.XmlText('x'.repeat(10))])),
        ),
    },
    'more elements than the limit': {
      valid: false,
      edit: (f) =>
        f.insert(
          0,
          [1, 2, 3, 4, 5, 6].map(() => element('hardBreak')),
        ),
    },
    'deleting a paragraph': { valid: true, edit: (f) => f.delete(1, 1) },
  };

  for (const [name, { valid, edit }] of Object.entries(edits)) {
    it(`finds what the whole check finds: ${name}`, () => {
      const author = new Y.Doc();
      author.getXmlFragment('notes').insert(0, editorNotesContent());
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(author));
      const before = Y.encodeStateVector(author);
      author.transact(() => edit(author.getXmlFragment('notes')));
      const update = Y.encodeStateAsUpdate(author, before);

      const { types } = collectTouched(scratch, () => Y.applyUpdate(scratch, update));
      const fragment = scratch.getXmlFragment('notes');
      const changedIssues = richTextChangeIssues(fragment, types.get('notes') ?? new Set(), notes);
      const wholeIssues = schemaIssues(yXmlFragment(notes), fragment);
      expect(wholeIssues.length === 0).toBe(valid);
      expect(changedIssues.length === 0).toBe(valid);
    });
  }

  it('names where the problem is, as the whole check does', () => {
    const author = new Y.Doc();
    author.getXmlFragment('notes').insert(0, editorNotesContent());
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(author));
    const before = Y.encodeStateVector(author);
    edits['an element the editor cannot show, inside a paragraph']!.edit(
      author.getXmlFragment('notes'),
    );
    const { types } = collectTouched(scratch, () =>
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(author, before)),
    );
    const issues = richTextChangeIssues(
      scratch.getXmlFragment('notes'),
      types.get('notes')!,
      notes,
    );
    expect(issues).toEqual([{ path: [1, 0], message: 'Unexpected element <script>.' }]);
  });
});

/** The nodes of `editorNotes()`, unattached, for a fresh document. */
function editorNotesContent(): (Y.XmlElement | Y.XmlText)[] {
  const heading = element('heading', [new Y.XmlText('Agenda')]);
  heading.setAttribute('level', 2 as unknown as string);
  return [
    heading,
    element('paragraph', [new Y.XmlText('Hello '), element('hardBreak')]),
    element('bulletList', [
      element('listItem', [element('paragraph'), element('bulletList', [element('listItem')])]),
    ]),
  ];
}

describe('ONE9: a mark or attribute named __proto__', () => {
  it('is refused, by the whole check and by the check of what changed', () => {
    const author = new Y.Doc();
    author.getXmlFragment('notes').insert(0, editorNotesContent());
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(author));
    const before = Y.encodeStateVector(author);
    const text = (author.getXmlFragment('notes').get(1) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'x', { ['__proto__']: { link: { href: 'javascript:x' } } });
    const { types } = collectTouched(scratch, () =>
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(author, before)),
    );
    const fragment = scratch.getXmlFragment('notes');
    expect(schemaIssues(yXmlFragment(notes), fragment).length).toBeGreaterThan(0);
    expect(richTextChangeIssues(fragment, types.get('notes')!, notes).length).toBeGreaterThan(0);
  });

  it('on an element is refused', () => {
    const paragraph = element('paragraph', [new Y.XmlText('Hi')]);
    const fragment = fragmentOf([paragraph]);
    paragraph.setAttribute('__proto__', { onclick: 'x' } as unknown as string);
    expect(schemaIssues(yXmlFragment(notes), fragment).length).toBeGreaterThan(0);
  });
});
