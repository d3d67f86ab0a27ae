// The words and numbers the board's signals panel and cards show (CAL48–CAL60).
import type { Conflict } from '@threadline/domain/calibration/signals/conflicts';
import type { Interval } from '@threadline/domain/calibration/signals/stats';
import type { ScalePoint } from '@threadline/domain/calibration/session-config';
import type { SignalPerson } from '@threadline/domain/calibration/signals/input';
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

/** What the signals read of each player (CAL47). */
export function signalPeople(players: readonly Player[]): Map<string, SignalPerson> {
  return new Map(
    players.map((player) => [
      player.id,
      {
        personId: player.id,
        managerId: player.managerId,
        location: player.location,
        hireDate: player.hireDate,
        jobLevel: player.jobLevel,
        goalAchievement: player.goalAchievement,
      },
    ]),
  );
}
