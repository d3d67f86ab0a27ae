// The rich-text editor's content model for shared and private notes (ONE9): TipTap's starter kit
// (headings, lists, quotes, code, links, bold/italic/underline/strike) plus task lists, without
// its own undo history (the collaboration extension keeps one per person, in Yjs). The server's
// schema for notes (domain/src/one-on-ones/schema.ts, NOTES_SCHEMA) accepts exactly what these
// write; notes-schema.test.ts holds the two together.
import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import TaskItem from '@tiptap/extension-task-item';
import TaskList from '@tiptap/extension-task-list';

export function notesExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      link: { openOnClick: false, protocols: ['mailto'], defaultProtocol: 'https' },
      heading: { levels: [1, 2, 3] },
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
  ];
}
