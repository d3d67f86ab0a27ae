// The dashboards (ANA rules): each section read for the signed-in person's scope. The page asks
// again every few seconds (ANA28) through `invalidate('analytics:data')`.
//
// ANA30: the frame (the filters and their choices) is awaited and each section is returned as a
// promise, which SvelteKit streams: the page's HTML and scripts reach the browser while the
// sections' queries run, and each section is drawn as its answer comes, rather than the whole
// page waiting for the slowest query before its first byte.
import { openDashboards } from '$lib/analytics/dashboards.server';

export async function load({ parent, url, depends }) {
  depends('analytics:data');
  const { person } = await parent();
  const { frame, read } = await openDashboards(person, url);
  return {
    frame,
    goals: read('goals'),
    oneOnOnes: read('oneOnOnes'),
    calibration: read('calibration'),
    growth: read('growth'),
  };
}
