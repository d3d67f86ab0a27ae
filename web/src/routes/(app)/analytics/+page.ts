// ANA28, ANA32: the page asks for its data again every 2 s, and again when another calibration
// session is picked. A section whose answer equals the one on screen keeps the object on screen,
// so only what changed is drawn again: at 5,000 people the page holds dozens of charts, and
// redrawing them all after every answer kept the browser busy.
import { browser } from '$app/environment';
import type { Dashboards } from '$lib/analytics/dashboards';

type Parts = { [K in keyof Dashboards]: string };

/** The dashboards on screen and each part's JSON (in the browser only: a server serves many). */
let shown: { json: Parts; dashboards: Dashboards } | null = null;

export function load({ data }) {
  if (!browser) return data;
  const next: Dashboards = { ...data.dashboards };
  const json = {} as Parts;
  let changed = shown === null;
  for (const key of Object.keys(next) as (keyof Dashboards)[]) {
    json[key] = JSON.stringify(next[key]);
    if (shown?.json[key] === json[key]) {
      // The same type on both sides: a part of the dashboards kept as it is on screen.
      (next as Record<keyof Dashboards, unknown>)[key] = shown.dashboards[key];
    } else {
      changed = true;
    }
  }
  if (!changed) return { ...data, dashboards: shown!.dashboards };
  shown = { json, dashboards: next };
  return { ...data, dashboards: next };
}
