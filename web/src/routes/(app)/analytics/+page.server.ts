// The dashboards (ANA rules): each section read for the signed-in person's scope. The page asks
// again every few seconds (ANA28) through `invalidate('analytics:data')`.
import { loadDashboards } from '$lib/analytics/dashboards.server';

export async function load({ parent, url, depends, setHeaders }) {
  depends('analytics:data');
  const { person } = await parent();
  const timings: Record<string, number> = {};
  const dashboards = await loadDashboards(person, url, timings);
  setHeaders({
    'server-timing': Object.entries(timings)
      .map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`)
      .join(', '),
  });
  return { dashboards };
}
