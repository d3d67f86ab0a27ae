// A chart's numbers as CSV (ANA10): the same table as its table view, for the same filters, read
// with the signed-in person's scope (the queries apply it), each cell defused against formulas.
import { error } from '@sveltejs/kit';
import { stringify } from 'csv-stringify/sync';
import { csvRecords } from '@threadline/domain/analytics/csv';
import { chartTable, sectionOfChart, sessionOfChart } from '$lib/analytics/chart-tables';
import { openDashboards } from '$lib/analytics/dashboards.server';

export async function GET({ locals, params, url }) {
  if (!locals.person) error(401, 'Sign in to download analytics.');
  const section = sectionOfChart(params.chart);
  if (!section) error(404, 'No such chart.');
  // The chart's own section only: the others' queries would be read for nothing.
  const { read } = await openDashboards(locals.person, url, sessionOfChart(params.chart));
  const table = chartTable({ [section]: await read(section) }, params.chart);
  if (!table) error(404, 'No such chart.');
  const body = stringify(csvRecords(table.columns, table.rows), { bom: true });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${params.chart}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
