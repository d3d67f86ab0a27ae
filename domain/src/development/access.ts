// Who may open a person's development plan (ONE41). Pure: the sync server's kind
// (sync-server/src/documents/development-plans/) feeds it the person's current manager from the
// database, and the web app's pages ask the same kind.
import type { AccessMode } from '../protocol/messages.ts';

/** The plan's person and whoever manages them now (null: nobody, as for a CEO). */
export interface PlanOwner {
  personId: string;
  managerId: string | null;
}

/**
 * ONE41: a development plan opens read-write to its person and to their current manager, and to
 * nobody else: not a former manager (the plan follows the person), not a skip-level manager, not
 * an HR admin (analytics read the projected rows in aggregate, never the plan).
 */
export function developmentPlanAccess(readerId: string, plan: PlanOwner): AccessMode | null {
  if (readerId === plan.personId) return 'read-write';
  if (plan.managerId !== null && readerId === plan.managerId) return 'read-write';
  return null;
}
