// Binds a text input or textarea to a Y.Text, both ways: typing writes only the changed span
// (replaceText), so two people typing in one title merge; a remote change rewrites the field and
// keeps the caret where it was in the text around it.
import * as Y from 'yjs';
import { replaceText } from '@threadline/domain/goals/edits';

/** Marks this binding's own writes, which need no echo back into the field. */
const LOCAL = Symbol('y-text-binding');

export interface Selection {
  start: number;
  end: number;
}

type Delta = { retain?: number; insert?: unknown; delete?: number }[];

/**
 * Where a selection goes after a change, described as a Yjs text delta over the old text. Text
 * inserted exactly at the caret lands after it: the other person's typing never pushes one's own
 * caret along.
 */
export function shiftSelection(selection: Selection, delta: Delta): Selection {
  const shift = (position: number) => {
    let old = 0;
    let now = 0;
    for (const op of delta) {
      if (op.retain !== undefined) {
        if (old + op.retain >= position) return now + (position - old);
        old += op.retain;
        now += op.retain;
      } else if (op.insert !== undefined) {
        if (old >= position) return now;
        now += typeof op.insert === 'string' ? op.insert.length : 1;
      } else if (op.delete !== undefined) {
        if (old + op.delete >= position) return now;
        old += op.delete;
      }
    }
    return now + (position - old);
  };
  return { start: shift(selection.start), end: shift(selection.end) };
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * Shows `value` in a field not bound to a Y.Text (the tree drawn from its cached snapshot, before
 * the document is loaded: SC10).
 */
export function showText(value: string) {
  return (field: Field) => {
    field.value = value;
  };
}

/** Svelte attachment: `{@attach bindYText(text)}`. A null text leaves the field alone. */
export function bindYText(text: Y.Text | null) {
  return (field: Field) => {
    if (!text) return;
    field.value = text.toString();
    const onInput = () => {
      if (field.readOnly) return;
      const next = field.value;
      text.doc?.transact(() => replaceText(text, next), LOCAL);
    };
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL) return;
      const focused = field.ownerDocument.activeElement === field;
      const before =
        focused && field.selectionStart !== null
          ? { start: field.selectionStart, end: field.selectionEnd ?? field.selectionStart }
          : null;
      field.value = text.toString();
      if (before) {
        const after = shiftSelection(before, event.delta as Delta);
        field.setSelectionRange(after.start, after.end);
      }
    };
    field.addEventListener('input', onInput);
    text.observe(observer);
    return () => {
      field.removeEventListener('input', onInput);
      text.unobserve(observer);
    };
  };
}
