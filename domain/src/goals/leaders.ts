// Who leads (GOAL26): leaders set and activate company goals (GOAL16, GOAL17). The web app reads a
// person's place from the page's directory and the sync server from the people table; both decide
// here, so the UI shows read-only exactly what the server refuses.

/** A person's place near the top of the reporting lines: all that GOAL26 reads. */
export interface ReportingPlace {
  /** Someone is above them (false: they head the reporting lines). */
  hasManager: boolean;
  /** Their manager has someone above in turn; null when they have no manager or it is not known. */
  managerHasManager: boolean | null;
  /** How many people report to them directly. */
  directReportCount: number;
}

/**
 * GOAL26: leaders are the head of the reporting lines (nobody above) and the managers who report
 * to the head directly; either way, only with someone reporting to them.
 */
export function isLeader(place: ReportingPlace): boolean {
  if (place.directReportCount === 0) return false;
  return !place.hasManager || place.managerHasManager === false;
}
