// The chart of a run, rendered to SVG by Vega-Lite in Node (no browser): delivery p99 and server
// CPU per update per receiver, per workload and server, and the rate sweep.
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { BenchResults } from './results.ts';

const WORKLOADS = [
  ['agenda', '1:1 agendas'],
  ['workshop', 'workshops'],
  ['calibration', 'calibration'],
  ['fanout', 'fan-out'],
] as const;

export function chartSpec(results: BenchResults): TopLevelSpec {
  const bars = results.servers.flatMap((server) =>
    WORKLOADS.flatMap(([id, label]) => {
      const figures = server.rooms[id]?.median;
      if (!figures) return [];
      return [
        {
          server: server.label,
          workload: label,
          p99: figures.deliveryP99,
          cpu: figures.cpuMicrosPerDelivery,
        },
      ];
    }),
  );
  const sweep = results.servers.flatMap((server) =>
    (server.sweep?.steps ?? []).map((step) => ({
      server: server.label,
      rate: step.editsPerSecond,
      p99: step.deliveryP99,
    })),
  );
  const order = results.servers.map((server) => server.label);
  const color = { field: 'server', type: 'nominal' as const, sort: order, title: null };
  const grouped = (field: 'p99' | 'cpu', title: string, log: boolean) => ({
    width: 420,
    height: 220,
    data: { values: bars },
    mark: { type: 'bar' as const },
    encoding: {
      x: {
        field: 'workload',
        type: 'nominal' as const,
        sort: WORKLOADS.map(([, l]) => l),
        title: null,
      },
      xOffset: { field: 'server', sort: order },
      y: {
        field,
        type: 'quantitative' as const,
        title,
        ...(log ? { scale: { type: 'log' as const } } : {}),
      },
      color,
      tooltip: [{ field: 'server' }, { field, format: '.2f' }],
    },
  });
  return {
    title: `Sync servers side by side (${results.mode} run, ${results.startedAt.slice(0, 10)})`,
    vconcat: [
      grouped('p99', 'delivery p99 (ms, log)', true),
      grouped('cpu', 'server CPU µs per update per receiver', false),
      {
        width: 420,
        height: 200,
        data: { values: sweep },
        mark: { type: 'line', point: true },
        encoding: {
          x: {
            field: 'rate',
            type: 'quantitative',
            title: 'edits/s into the server (5-person rooms)',
          },
          y: {
            field: 'p99',
            type: 'quantitative',
            title: 'delivery p99 (ms, log)',
            scale: { type: 'log' },
          },
          color,
        },
      },
    ],
  } as TopLevelSpec;
}

export async function renderChart(results: BenchResults): Promise<string> {
  const compiled = vegaLite.compile(chartSpec(results)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
