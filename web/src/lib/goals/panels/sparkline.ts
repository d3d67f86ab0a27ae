// A goal's progress over time as a small line (SVG path data), from its check-ins (GOAL18): each
// check-in keeps the progress it meant when recorded, so the line stays true after a retarget.
import type { CheckIn, CycleWindow } from '@threadline/domain/goals/model';

export interface Sparkline {
  /** SVG path data in a width × height box, y pointing down. */
  path: string;
  /** The last point, for a dot. */
  last: { x: number; y: number };
  /** The elapsed-time diagonal: where progress would be on pace (GOAL12). */
  pace: string | null;
}

/**
 * The line of `checkIns` across the cycle window (or their own span without one). Null with no
 * check-ins: nothing to draw.
 */
export function sparkline(
  checkIns: readonly CheckIn[],
  box: { width: number; height: number },
  window: CycleWindow | null,
): Sparkline | null {
  const points = checkIns
    .map((checkIn) => ({ time: Date.parse(checkIn.at), progress: checkIn.progress }))
    .filter((point) => !Number.isNaN(point.time))
    .sort((a, b) => a.time - b.time);
  if (points.length === 0) return null;
  const start = window ? Date.parse(`${window.startsOn}T00:00:00Z`) : points[0]!.time;
  const end = window ? Date.parse(`${window.endsOn}T00:00:00Z`) + 86_400_000 : points.at(-1)!.time;
  const span = Math.max(1, end - start);
  const x = (time: number) =>
    round(((Math.min(Math.max(time, start), end) - start) / span) * box.width);
  const y = (progress: number) => round((1 - Math.min(1, Math.max(0, progress))) * box.height);
  // A line starts at zero progress on the first day, so a single check-in still draws a slope.
  const coordinates = [
    { x: x(start), y: y(0) },
    ...points.map((p) => ({ x: x(p.time), y: y(p.progress) })),
  ];
  const path = coordinates.map((c, i) => `${i === 0 ? 'M' : 'L'}${c.x} ${c.y}`).join(' ');
  const pace = window ? `M0 ${box.height} L${box.width} 0` : null;
  return { path, last: coordinates.at(-1)!, pace };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
