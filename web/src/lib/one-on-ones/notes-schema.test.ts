import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NOTES_SCHEMA } from '@threadline/domain/one-on-ones/schema';
import { yXmlFragment } from '@threadline/domain/ydoc/rich-text';
import { schemaIssues } from '@threadline/domain/ydoc/testing';
import { notesExtensions } from './notes-extensions.ts';

const text = (value: string, marks?: unknown[]) => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });

/** Notes using every node and mark the editor offers. */
const everything = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Agenda')] },
    paragraph(
      text('Bold', [{ type: 'bold' }]),
      text(' italic', [{ type: 'italic' }]),
      text(' under', [{ type: 'underline' }]),
      text(' struck', [{ type: 'strike' }]),
      text(' code', [{ type: 'code' }]),
      { type: 'hardBreak' },
      text('the doc', [{ type: 'link', attrs: { href: 'https://example.test/rfc' } }]),
    ),
    { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('one'))] }] },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [{ type: 'listItem', content: [paragraph(text('three'))] }],
    },
    {
      type: 'taskList',
      content: [
        { type: 'taskItem', attrs: { checked: true }, content: [paragraph(text('done'))] },
        { type: 'taskItem', attrs: { checked: false }, content: [paragraph(text('to do'))] },
      ],
    },
    { type: 'blockquote', content: [paragraph(text('quoted'))] },
    { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('const x = 1;')] },
    { type: 'horizontalRule' },
  ],
};

describe('notes', () => {
  it('[ONE9] the server’s notes schema accepts everything the editor writes', () => {
    const schema = getSchema(notesExtensions());
    const fragment = new Y.Doc().getXmlFragment('notes/2026-12-07');
    prosemirrorJSONToYXmlFragment(schema, everything, fragment);
    expect(fragment.toString()).toContain('<taskitem checked="true">');
    expect(schemaIssues(yXmlFragment(NOTES_SCHEMA), fragment)).toEqual([]);
  });

  it('[ONE9] and refuses a link the editor would never write', () => {
    const schema = getSchema(notesExtensions());
    const fragment = new Y.Doc().getXmlFragment('notes/2026-12-07');
    const bad = {
      type: 'doc',
      content: [paragraph(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))],
    };
    prosemirrorJSONToYXmlFragment(schema, bad, fragment);
    expect(schemaIssues(yXmlFragment(NOTES_SCHEMA), fragment)).not.toEqual([]);
  });
});
