// Who sees which analytics (ANA1–ANA6). The queries in db/src/analytics/ take the scope this
// returns and filter by it in SQL: what a person may not see never leaves the database.

export type AnalyticsRole = 'admin' | 'member';

/** What decides a person's analytics scope; the database reads it for the signed-in person. */
export interface AnalyticsViewer {
  id: string;
  role: AnalyticsRole;
  /** The CEO: the active person at the top of the reporting lines (no manager). */
  isTopOfOrganisation: boolean;
  /** How many people report to them directly (active or not). */
  directReports: number;
}

export type AnalyticsScope =
  /** ANA1: HR admins and the CEO see the whole organisation. */
  | { kind: 'organisation' }
  /** ANA2: a manager sees their whole reporting tree (themselves and everyone under them). */
  | { kind: 'tree'; managerId: string }
  /** ANA3: everyone else sees a personal page: their own goals, 1:1s and ratings. */
  | { kind: 'personal'; personId: string };

/** ANA1–ANA3: the widest scope a person's analytics may read. */
export function analyticsScopeOf(viewer: AnalyticsViewer): AnalyticsScope {
  if (viewer.role === 'admin' || viewer.isTopOfOrganisation) return { kind: 'organisation' };
  if (viewer.directReports > 0) return { kind: 'tree', managerId: viewer.id };
  return { kind: 'personal', personId: viewer.id };
}

/** ANA4: calibration analytics are for HR admins (every session) and a session's participants
 *  (leaders and facilitators: that session only). The CEO is no exception: they see the sessions
 *  they take part in. */
export function calibrationAnalyticsAccess(viewer: {
  role: AnalyticsRole;
}): 'every-session' | 'own-sessions' {
  return viewer.role === 'admin' ? 'every-session' : 'own-sessions';
}

/** ANA5: the ratings over cycles for the whole organisation are for HR admins only. */
export function mayReadOrganisationRatings(viewer: { role: AnalyticsRole }): boolean {
  return viewer.role === 'admin';
}

/** ANA6: a filter narrows a scope and never widens it: a department or team filter keeps the
 *  people of the scope who sit in it (or under it); a filter outside the scope leaves nobody. */
export function narrowsTo<T>(scoped: ReadonlySet<T> | null, filtered: ReadonlySet<T> | null) {
  if (scoped === null) return filtered;
  if (filtered === null) return scoped;
  return new Set([...scoped].filter((id) => filtered.has(id)));
}
