// The agenda history's changes (ONE16) in words: "added “Team goals” to Align", "ticked …".
import type { AgendaChange } from '@threadline/domain/one-on-ones/history';
import type { AgendaSection } from '@threadline/domain/one-on-ones/model';
import { formatDay } from './dates.ts';

export const SECTION_TITLES: Record<AgendaSection, string> = {
  align: 'Align',
  track: 'Track',
  achieve: 'Achieve',
};

const LONGEST = 80;

/** A text as the history quotes it: in quotes, cut at LONGEST characters. */
export function quoted(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '(empty)';
  return `“${trimmed.length > LONGEST ? `${trimmed.slice(0, LONGEST - 1)}…` : trimmed}”`;
}

const day = (value: string | null) => (value === null ? 'no due day' : formatDay(value));

/** One change as a sentence without its subject ("added … to Align"); `nameOf` names people. */
export function describeChange(change: AgendaChange, nameOf: (id: string) => string): string {
  switch (change.kind) {
    case 'meeting-added':
      return `scheduled the meeting on ${formatDay(change.to)}`;
    case 'meeting-moved':
      return `moved the meeting from ${formatDay(change.from)} to ${formatDay(change.to)}`;
    case 'meeting-cancelled':
      return `called off the meeting on ${formatDay(change.from)}`;
    case 'point-added':
      return `added ${quoted(change.to)} to ${SECTION_TITLES[change.section]}`;
    case 'point-edited':
      return `changed ${quoted(change.from)} to ${quoted(change.to)}`;
    case 'point-moved':
      return `moved ${quoted(change.to)} from ${SECTION_TITLES[change.from]} to ${SECTION_TITLES[change.section]}`;
    case 'point-ticked':
      return `ticked ${quoted(change.to)}`;
    case 'point-unticked':
      return `unticked ${quoted(change.to)}`;
    case 'point-deleted':
      return `removed ${quoted(change.to)}`;
    case 'action-added':
      return `raised the action item ${quoted(change.to)} for ${nameOf(change.ownerId)}, ${change.dueDate ? `due ${day(change.dueDate)}` : 'no due day'}`;
    case 'action-edited':
      return `renamed the action item ${quoted(change.from)} to ${quoted(change.to)}`;
    case 'action-owner':
      return `gave ${quoted(change.title)} to ${nameOf(change.to)} (was ${nameOf(change.from)})`;
    case 'action-due':
      return `set ${quoted(change.title)} due ${day(change.to)} (was ${day(change.from)})`;
    case 'action-done':
      return `marked ${quoted(change.to)} done`;
    case 'action-reopened':
      return `reopened ${quoted(change.to)}`;
    case 'action-deleted':
      return `removed the action item ${quoted(change.to)}`;
    case 'notes-edited':
      return change.from === ''
        ? 'wrote the shared notes'
        : change.to === ''
          ? 'cleared the shared notes'
          : 'edited the shared notes';
  }
}
