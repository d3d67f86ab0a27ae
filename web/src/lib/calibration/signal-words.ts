// The words and numbers the board's signals panel and cards show (CAL48–CAL60).
import type { Conflict, ConflictKind } from '@threadline/domain/calibration/signals/conflicts';
import type { GroupGap } from '@threadline/domain/calibration/signals/groups';
import type { ManagerSkew } from '@threadline/domain/calibration/signals/skew';
import type { Interval } from '@threadline/domain/calibration/signals/stats';
import type { ScalePoint } from '@threadline/domain/calibration/session-config';
import type { Player } from '@threadline/db/calibration-players';

/** 0.304 → "30 %". */
export const percent = (share: number) => `${Math.round(share * 100)} %`;

/** A mean rating to one decimal: "3.2"; "—" when there is none. */
export const meanText = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');

/** "2.1 to 3.4", or "—" for no interval (one person). */
export const intervalText = (interval: Interval | null) =>
  interval ? `${interval.low.toFixed(1)} to ${interval.high.toFixed(1)}` : '—';

/** CAL48: "Rated 5 · Outstanding with 30 % goal achievement (under 60 %)". */
export function conflictText(conflict: Conflict, scale: readonly ScalePoint[]): string {
  const label = scale.find((point) => point.value === conflict.rating)?.label;
  const rated = `Rated ${conflict.rating}${label ? ` · ${label}` : ''}`;
  return conflict.kind === 'high-rating-low-achievement'
    ? `${rated} with ${percent(conflict.achievement)} goal achievement (under 60 %)`
    : `${rated} with ${percent(conflict.achievement)} goal achievement (over 90 %)`;
}

/** CAL48: the short form on a card. */
export const conflictShort = (conflict: Conflict) =>
  conflict.kind === 'high-rating-low-achievement'
    ? `Top rating, ${percent(conflict.achievement)} of goals`
    : `Bottom rating, ${percent(conflict.achievement)} of goals`;

/** CAL48: what kind of disagreement a flag is, in words (lists and CSVs). */
export const CONFLICT_WORDS: Record<ConflictKind, string> = {
  'high-rating-low-achievement': 'Top rating, under 60 % goal achievement',
  'low-rating-high-achievement': 'Bottom rating, over 90 % goal achievement',
};

export const SKEW_VERDICT_WORDS = { strict: 'Strict grader', easy: 'Easy grader' } as const;

/** CAL55: what a manager's row says. */
export const skewSays = (row: Pick<ManagerSkew, 'n' | 'verdict'>) =>
  row.verdict
    ? SKEW_VERDICT_WORDS[row.verdict]
    : row.n < 2
      ? 'Too few to tell'
      : 'No clear difference';

/** CAL58: what a group's row says. */
export const groupSays = (group: Pick<GroupGap, 'verdict'>) =>
  group.verdict === 'above'
    ? 'Rated higher'
    : group.verdict === 'below'
      ? 'Rated lower'
      : 'No clear difference';

/** One row of a "mean against everyone else" chart and table (CAL53–CAL58). */
export interface MeanRow {
  key: string;
  label: string;
  n: number;
  mean: number;
  interval: Interval | null;
  restMean: number;
  says: string;
}

/** CAL54: each manager's row, named. */
export const skewMeanRows = (
  skew: readonly ManagerSkew[],
  nameOf: (personId: string) => string,
): MeanRow[] =>
  skew.map((row) => ({
    key: row.managerId,
    label: nameOf(row.managerId),
    n: row.n,
    mean: row.mean,
    interval: row.interval,
    restMean: row.restMean,
    says: skewSays(row),
  }));

/** CAL56: each group's row. */
export const groupMeanRows = (groups: readonly GroupGap[]): MeanRow[] =>
  groups.map((group) => ({
    key: group.key,
    label: group.label,
    n: group.n,
    mean: group.mean,
    interval: group.interval,
    restMean: group.restMean,
    says: groupSays(group),
  }));

/** CAL59: "9 of 10 held (90 %)", or null for no data. */
export const checkInsText = (checkIns: Player['checkIns']) =>
  checkIns
    ? `${checkIns.kept} of ${checkIns.due} held (${percent(checkIns.kept / checkIns.due)})`
    : null;

/** CAL60: "3 of 5 items done (60 %)", or null for no data. */
export const developmentText = (plan: Player['developmentPlan']) =>
  plan && plan.total > 0
    ? `${plan.done} of ${plan.total} item${plan.total === 1 ? '' : 's'} done (${percent(plan.done / plan.total)})`
    : null;
