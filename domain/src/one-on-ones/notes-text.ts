// The plain text of a meeting's notes (a Y.XmlFragment as the rich-text editor keeps it), for the
// timeline's search and the agenda's history (ONE16): the words of every text node, blocks
// separated by a space.
import * as Y from 'yjs';

export function notesText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const parts: string[] = [];
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlText) {
      const delta = child.toDelta() as { insert: unknown }[];
      parts.push(delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join(''));
    } else if (child instanceof Y.XmlElement) parts.push(notesText(child));
  }
  return parts.filter(Boolean).join(' ');
}
