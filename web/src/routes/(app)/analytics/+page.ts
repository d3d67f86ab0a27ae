// ANA28, ANA32: the page asks for its data again every 2 s, and again when another calibration
// session is picked. A part whose answer equals the one on screen keeps the object on screen,
// so only what changed is drawn again: at 5,000 people the page holds dozens of charts, and
// redrawing them all after every answer kept the browser busy.
import { browser } from '$app/environment';
import type { DashboardsFrame } from '$lib/analytics/dashboards';

/** Each part on screen with its JSON (in the browser only: a server serves many). */
const shown = new Map<string, { json: string; value: unknown }>();

/** `value`, or the equal one on screen. */
function kept<T>(key: string, value: T): T {
  const json = JSON.stringify(value);
  const before = shown.get(key);
  if (before?.json === json) return before.value as T;
  shown.set(key, { json, value });
  return value;
}

export function load({ data }) {
  if (!browser) return data;
  return {
    ...data,
    frame: kept<DashboardsFrame>('frame', data.frame),
    // The sections stream (ANA30): each is compared when it comes.
    goals: data.goals.then((value) => kept('goals', value)),
    oneOnOnes: data.oneOnOnes.then((value) => kept('oneOnOnes', value)),
    calibration: data.calibration.then((value) => kept('calibration', value)),
    growth: data.growth.then((value) => kept('growth', value)),
  };
}
