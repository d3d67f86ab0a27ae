// The schema of a development plan's document (ONE42), as the server checks it after applying a
// client's update to a scratch replica (the shared Yjs adapters, and the 1:1 documents' record
// checks: only the entries an update touched are looked at).
import type * as Y from 'yjs';
import { z } from 'zod';
import { isUuid } from '../ids.ts';
import { isCalendarDate } from '../org/calendar-date.ts';
import { yMap } from '../ydoc/schema.ts';
import {
  checkRecord,
  collect,
  rootsIn,
  type SchemaIssue,
  type Scope,
} from '../one-on-ones/schema.ts';
import { DEVELOPMENT_STATUSES, DEVELOPMENT_TYPES, isSkillName, SKILL_NAME_MAX } from './model.ts';
import { GAPS_ROOT, ITEMS_ROOT } from './shape.ts';

/** ONE42: limits that keep a plan bounded (years of 1:1s). */
export const DEVELOPMENT_LIMITS = {
  gaps: 2_000,
  items: 5_000,
  note: 500,
  title: 200,
} as const;

const id = z.string().refine(isUuid, 'Expected a lowercase UUID.');
const day = z.string().refine(isCalendarDate, 'Expected a calendar day YYYY-MM-DD.');
const instant = z.iso.datetime();
const skillName = z.string().max(SKILL_NAME_MAX).refine(isSkillName, 'Expected a skill name.');

const gapSchema = z.strictObject({
  skillId: id,
  skillName,
  note: z.string().max(DEVELOPMENT_LIMITS.note),
  flaggedBy: id,
  flaggedAt: instant,
  raisedOn: day,
  deleted: z.boolean(),
});

const itemSchema = yMap({
  gapId: id.nullable(),
  skillId: id.nullable(),
  skillName: skillName.nullable(),
  type: z.enum(DEVELOPMENT_TYPES),
  title: z.string().trim().min(1).max(DEVELOPMENT_LIMITS.title),
  ownerId: id,
  dueDate: day.nullable(),
  status: z.enum(DEVELOPMENT_STATUSES),
  raisedOn: day,
  createdBy: id,
  createdAt: instant,
  doneAt: instant.nullable(),
  deleted: z.boolean(),
}).refine(
  (item) => (item.status === 'done') === (item.doneAt !== null),
  'A done item has the moment it was done, and only a done item has one.',
);

/** ONE42: every issue with a development plan's document. */
export function validateDevelopmentPlanDocument(doc: Y.Doc, scope: Scope = 'all'): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const name of rootsIn(doc, scope)) {
    if (name !== GAPS_ROOT && name !== ITEMS_ROOT) {
      issues.push({ path: name, message: 'Unknown top-level type.' });
    }
  }
  checkRecord(issues, doc, scope, GAPS_ROOT, DEVELOPMENT_LIMITS.gaps, isUuid, (v, path) =>
    collect(issues, path, gapSchema.safeParse(v)),
  );
  checkRecord(issues, doc, scope, ITEMS_ROOT, DEVELOPMENT_LIMITS.items, isUuid, (v, path) =>
    collect(issues, path, itemSchema.safeParse(v)),
  );
  return issues;
}
