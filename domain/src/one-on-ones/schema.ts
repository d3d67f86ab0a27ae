// The schema of a 1:1 series' documents (ONE7, ONE9), as the server checks them after applying a
// client's update to a scratch replica: a tampered client can put any Yjs type under any key, so
// the check runs on the Yjs values themselves (domain/src/ydoc).
import * as Y from 'yjs';
import { z } from 'zod';
import { isCalendarDate } from '../org/calendar-date.ts';
import { isUuid } from '../ids.ts';
import { hasMoreEntriesThan, hasStrayContent, yMap, yPlainText } from '../ydoc/schema.ts';
import { richTextChangeIssues, yXmlFragment, type RichTextSchema } from '../ydoc/rich-text.ts';
import type { ChangedTypes, TouchedEntries } from '../ydoc/touched.ts';
import { isOrderKey } from '../goals/tree.ts';
import { AGENDA_SECTIONS, MOOD_MAX, MOOD_MIN } from './model.ts';
import {
  ACTIONS_ROOT,
  CHECK_INS_ROOT,
  DISMISSALS_ROOT,
  MEETINGS_ROOT,
  MOODS_ROOT,
  NOTES_PREFIX,
  POINTS_ROOT,
} from './shape.ts';

/** ONE9: limits that keep a series' documents bounded (years of weekly meetings). */
export const ONE_ON_ONE_LIMITS = {
  meetings: 1_000,
  points: 20_000,
  pointText: 500,
  actions: 5_000,
  actionTitle: 200,
  notesLength: 50_000,
  notesElements: 5_000,
  checkIns: 20_000,
  seedKey: 120,
} as const;

export interface SchemaIssue {
  path: string;
  message: string;
}

const id = z.string().refine(isUuid, 'Expected a lowercase UUID.');
const day = z.string().refine(isCalendarDate, 'Expected a calendar day YYYY-MM-DD.');
const instant = z.iso.datetime();
/** A meeting the cadence scheduled has its day as its id (ONE8); an extra one a UUID. */
export const isMeetingId = (value: string) => isCalendarDate(value) || isUuid(value);
const meetingId = z.string().refine(isMeetingId, 'Expected a meeting id (a day or a UUID).');

const meetingSchema = z.strictObject({
  date: day,
  createdBy: id,
  createdAt: instant,
  cancelled: z.boolean().optional(),
});

const pointSchema = yMap({
  meetingId,
  section: z.enum(AGENDA_SECTIONS),
  order: z.string().refine(isOrderKey, 'Expected a fractional order key.'),
  text: yPlainText(ONE_ON_ONE_LIMITS.pointText),
  authorId: id,
  createdAt: instant,
  done: z.boolean(),
  deleted: z.boolean(),
  seed: z.string().min(1).max(ONE_ON_ONE_LIMITS.seedKey).optional(),
});

/** ONE18: a check-in's id is the goal log's check-in id (GOAL2, ONE20): 1–64 URL-safe characters. */
export const isCheckInId = (value: string) => /^[A-Za-z0-9_-]{1,64}$/.test(value);

const checkInSchema = z.strictObject({
  meetingId,
  goalId: id,
  cycleId: id,
  value: z.number().min(-1e15).max(1e15),
  milestoneId: z.string().min(1).max(64).optional(),
  by: id,
  at: instant,
});

/** ONE54: a dismissal of a seeded point, keyed by the point's id. */
const dismissalSchema = z.strictObject({ by: id, at: instant });

const actionSchema = yMap({
  title: yPlainText(ONE_ON_ONE_LIMITS.actionTitle),
  ownerId: id,
  dueDate: day.nullable(),
  createdIn: meetingId,
  createdBy: id,
  createdAt: instant,
  done: z.boolean(),
  doneIn: meetingId.nullable(),
  doneAt: instant.nullable(),
  doneBy: id.nullable(),
  deleted: z.boolean(),
});

const moodSchema = z.strictObject({ value: z.int().min(MOOD_MIN).max(MOOD_MAX), at: instant });

const noAttributes = z.strictObject({});
const optionalText = z.string().max(2_000).nullable().optional();

/**
 * ONE9: shared and private notes as the rich-text editor (TipTap's starter kit with task lists,
 * on y-prosemirror) keeps them: headings, paragraphs, lists, checkboxes, quotes, code, links.
 */
export const NOTES_SCHEMA: RichTextSchema = {
  top: [
    'paragraph',
    'heading',
    'bulletList',
    'orderedList',
    'taskList',
    'blockquote',
    'codeBlock',
    'horizontalRule',
  ],
  nodes: {
    paragraph: {
      text: true,
      children: ['hardBreak'],
      attributes: z.strictObject({ textAlign: optionalText }),
    },
    heading: {
      text: true,
      children: ['hardBreak'],
      attributes: z.strictObject({ level: z.int().min(1).max(6), textAlign: optionalText }),
    },
    bulletList: { children: ['listItem'] },
    orderedList: {
      children: ['listItem'],
      attributes: z.strictObject({
        start: z.int().min(0).max(100_000).optional(),
        type: optionalText,
      }),
    },
    listItem: {
      children: [
        'paragraph',
        'heading',
        'bulletList',
        'orderedList',
        'taskList',
        'blockquote',
        'codeBlock',
      ],
    },
    taskList: { children: ['taskItem'] },
    taskItem: {
      children: ['paragraph', 'bulletList', 'orderedList', 'taskList'],
      attributes: z.strictObject({ checked: z.boolean().optional() }),
    },
    blockquote: { children: ['paragraph', 'heading', 'bulletList', 'orderedList', 'taskList'] },
    codeBlock: { text: true, attributes: z.strictObject({ language: optionalText }) },
    horizontalRule: {},
    hardBreak: {},
  },
  marks: {
    bold: noAttributes,
    italic: noAttributes,
    strike: noAttributes,
    underline: noAttributes,
    code: noAttributes,
    link: z.strictObject({
      href: z.url({ protocol: /^(https?|mailto)$/ }),
      target: optionalText,
      rel: optionalText,
      class: optionalText,
      title: optionalText,
    }),
  },
  maxLength: ONE_ON_ONE_LIMITS.notesLength,
  maxElements: ONE_ON_ONE_LIMITS.notesElements,
};

const notesSchema = yXmlFragment(NOTES_SCHEMA);

export function collect(
  issues: SchemaIssue[],
  path: string,
  result: z.ZodSafeParseResult<unknown>,
) {
  if (result.success) return;
  for (const issue of result.error.issues) {
    issues.push({ path: [path, ...issue.path].join('.'), message: issue.message });
  }
}

/** The notes fragment a top-level name stands for, or null when the name is not one. */
function notesMeetingId(name: string): string | null {
  if (!name.startsWith(NOTES_PREFIX)) return null;
  const meeting = name.slice(NOTES_PREFIX.length);
  return isMeetingId(meeting) ? meeting : null;
}

/** Which entries to check: all of them, or those an update touched (ydoc/touched.ts). */
export type Scope = TouchedEntries | 'all';

export function checkRecord(
  issues: SchemaIssue[],
  doc: Y.Doc,
  scope: Scope,
  root: string,
  max: number,
  key: (value: string) => boolean,
  each: (value: unknown, path: string) => void,
) {
  const touched = scope === 'all' ? null : scope.get(root);
  if (touched === undefined) return;
  const map = doc.getMap<unknown>(root);
  if (hasStrayContent(map)) issues.push({ path: root, message: 'Unexpected list content.' });
  if (hasMoreEntriesThan(map, max)) issues.push({ path: root, message: `At most ${max} entries.` });
  const names = touched === null ? map.keys() : touched;
  for (const name of names) {
    if (name === null || !map.has(name)) continue;
    const path = `${root}.${name}`;
    if (!key(name)) issues.push({ path, message: 'Unexpected id.' });
    else each(map.get(name), path);
  }
}

/** The top-level names to check: all, or those an update touched. */
export const rootsIn = (doc: Y.Doc, scope: Scope) =>
  scope === 'all' ? [...doc.share.keys()] : [...scope.keys()];

/** A notes fragment: all of it, or (given what an update changed in it) only what changed. */
function checkNotes(issues: SchemaIssue[], doc: Y.Doc, name: string, changed?: ChangedTypes) {
  const fragment = doc.getXmlFragment(name);
  const types = changed?.get(name);
  if (types === undefined) return collect(issues, name, notesSchema.safeParse(fragment));
  for (const issue of richTextChangeIssues(fragment, types, NOTES_SCHEMA)) {
    issues.push({ path: [name, ...issue.path].join('.'), message: issue.message });
  }
}

/** ONE7, ONE9: every issue with a series' shared document (`one-on-one/<seriesId>`). */
export function validateAgendaDocument(
  doc: Y.Doc,
  scope: Scope = 'all',
  changed?: ChangedTypes,
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const name of rootsIn(doc, scope)) {
    const records = [MEETINGS_ROOT, POINTS_ROOT, ACTIONS_ROOT, CHECK_INS_ROOT, DISMISSALS_ROOT];
    if (records.includes(name)) continue;
    if (notesMeetingId(name) !== null) checkNotes(issues, doc, name, changed);
    else issues.push({ path: name, message: 'Unknown top-level type.' });
  }
  checkRecord(
    issues,
    doc,
    scope,
    MEETINGS_ROOT,
    ONE_ON_ONE_LIMITS.meetings,
    isMeetingId,
    (v, path) => collect(issues, path, meetingSchema.safeParse(v)),
  );
  checkRecord(issues, doc, scope, POINTS_ROOT, ONE_ON_ONE_LIMITS.points, isUuid, (v, path) =>
    collect(issues, path, pointSchema.safeParse(v)),
  );
  checkRecord(issues, doc, scope, ACTIONS_ROOT, ONE_ON_ONE_LIMITS.actions, isUuid, (v, path) =>
    collect(issues, path, actionSchema.safeParse(v)),
  );
  checkRecord(
    issues,
    doc,
    scope,
    CHECK_INS_ROOT,
    ONE_ON_ONE_LIMITS.checkIns,
    isCheckInId,
    (v, path) => collect(issues, path, checkInSchema.safeParse(v)),
  );
  checkRecord(issues, doc, scope, DISMISSALS_ROOT, ONE_ON_ONE_LIMITS.points, isUuid, (v, path) =>
    collect(issues, path, dismissalSchema.safeParse(v)),
  );
  return issues;
}

/** ONE5, ONE9: every issue with a member's private notes: notes fragments, nothing else. */
export function validatePrivateNotesDocument(
  doc: Y.Doc,
  scope: Scope = 'all',
  changed?: ChangedTypes,
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const name of rootsIn(doc, scope)) {
    if (notesMeetingId(name) !== null) checkNotes(issues, doc, name, changed);
    else issues.push({ path: name, message: 'Unknown top-level type.' });
  }
  return issues;
}

/** ONE6: every issue with a series' mood document: one mood (1–5) per meeting. */
export function validateMoodDocument(doc: Y.Doc, scope: Scope = 'all'): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const name of rootsIn(doc, scope)) {
    if (name !== MOODS_ROOT) issues.push({ path: name, message: 'Unknown top-level type.' });
  }
  checkRecord(issues, doc, scope, MOODS_ROOT, ONE_ON_ONE_LIMITS.meetings, isMeetingId, (v, path) =>
    collect(issues, path, moodSchema.safeParse(v)),
  );
  return issues;
}
