// What the 1:1 list page is given (series-list.server.ts reads it): shared with its components.
import type { SeriesListing } from '@threadline/db/one-on-ones';

export interface SeriesSummary extends SeriesListing {
  /** The other member, from the signed-in person's side. */
  other: { id: string; name: string };
  myRole: 'manager' | 'employee';
  /** The next meeting's day by the cadence; null for an ended series. */
  nextDay: string | null;
  /** The last meeting held before today, when the projection knows it. */
  lastHeld: string | null;
  overdue: boolean;
  /** Open action items (null: the projection is not there to say). */
  openActions: number | null;
  overdueActions: number | null;
}

export interface StartCandidate {
  id: string;
  name: string;
  managerName: string;
}

export interface SeriesList {
  running: SeriesSummary[];
  ended: SeriesSummary[];
  /** My direct reports without a running series ("Start a 1:1 with …"). */
  reportsWithout: { id: string; name: string }[];
  /** HR admins: everyone with a manager and no running series. */
  candidates: StartCandidate[];
}
