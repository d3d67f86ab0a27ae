// Turns a run's results into the Markdown table (figures per server, ratios ours ÷ each anchor)
// and the verdict on each target. Pure: unit-tested in report.test.ts.
import type { BenchResults, ServerResults } from './results.ts';
import type { ServerId } from './servers.ts';
import { DISTURBANCE_THRESHOLD } from './saturation.ts';

export interface Figure {
  id: string;
  label: string;
  unit: string;
  /** Whether ours ÷ anchor means anything (not for counts of lost edits, yes/no answers). */
  ratio: boolean;
  digits?: number;
  get(results: ServerResults): number | undefined;
}

const room = (id: 'agenda' | 'workshop' | 'calibration' | 'fanout') => (r: ServerResults) =>
  r.rooms[id]?.median;
const kb = (bytes: number | undefined) => (bytes === undefined ? undefined : bytes / 1024);
/** Worst (highest) value over the room workloads that have one. */
const worstRoom = (r: ServerResults, key: 'durableP99' | 'eventLoopP99') => {
  const values = Object.values(r.rooms)
    .map((result) => result?.median[key])
    .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  return values.length === 0 ? undefined : Math.max(...values);
};

const WORKLOAD_LABELS = {
  agenda: '1:1 agendas',
  workshop: 'workshops',
  calibration: 'calibration',
  fanout: 'fan-out',
} as const;

export const FIGURES: readonly Figure[] = [
  ...(['agenda', 'workshop', 'calibration', 'fanout'] as const).flatMap((id): Figure[] => [
    {
      id: `${id}-p50`,
      label: `Delivery p50, ${WORKLOAD_LABELS[id]}`,
      unit: 'ms',
      ratio: true,
      digits: 2,
      get: (r) => room(id)(r)?.deliveryP50,
    },
    {
      id: `${id}-p99`,
      label: `Delivery p99, ${WORKLOAD_LABELS[id]}`,
      unit: 'ms',
      ratio: true,
      digits: 1,
      get: (r) => room(id)(r)?.deliveryP99,
    },
    {
      id: `${id}-cpu`,
      label: `Server CPU per update per receiver, ${WORKLOAD_LABELS[id]}`,
      unit: 'µs',
      ratio: true,
      digits: 1,
      get: (r) => room(id)(r)?.cpuMicrosPerDelivery,
    },
    // Fan-out has no presence: its kernel share is mostly the sends, one per receiver per edit,
    // which every server pays (the rest: reading the edits, waiting for events, Postgres I/O).
    ...(id === 'fanout'
      ? [
          {
            id: `${id}-cpu-system`,
            label: `… of which in the kernel (system time), ${WORKLOAD_LABELS[id]}`,
            unit: 'µs',
            ratio: true,
            digits: 1,
            get: (r: ServerResults) => room(id)(r)?.systemCpuMicrosPerDelivery,
          },
        ]
      : []),
    {
      id: `${id}-eld`,
      label: `Event-loop delay p99, ${WORKLOAD_LABELS[id]}`,
      unit: 'ms',
      ratio: true,
      digits: 1,
      get: (r) => room(id)(r)?.eventLoopP99,
    },
  ]),
  {
    id: 'sweep',
    label: 'Highest rate with delivery p99 ≤ 50 ms (5-person rooms)',
    unit: 'edits/s',
    ratio: true,
    digits: 0,
    get: (r) => r.sweep?.maxRateWithinLimit,
  },
  {
    id: 'durable-p50',
    label: 'Edit → durable p50, workshops',
    unit: 'ms',
    ratio: true,
    digits: 1,
    get: (r) => room('workshop')(r)?.durableP50,
  },
  {
    id: 'durable-p99',
    label: 'Edit → durable p99, worst workload',
    unit: 'ms',
    ratio: true,
    digits: 1,
    get: (r) => worstRoom(r, 'durableP99'),
  },
  {
    id: 'wal',
    label: 'Postgres WAL written per edit, workshops',
    unit: 'bytes',
    ratio: true,
    digits: 0,
    get: (r) => room('workshop')(r)?.walBytesPerEdit,
  },
  {
    id: 'conn-heap',
    label: 'Memory per idle connection (heap + external)',
    unit: 'KB',
    ratio: true,
    digits: 1,
    get: (r) => kb(r.memory?.heapPerConnection),
  },
  {
    id: 'conn-rss',
    label: 'Memory per idle connection (RSS)',
    unit: 'KB',
    ratio: true,
    digits: 1,
    get: (r) => kb(r.memory?.rssPerConnection),
  },
  {
    id: 'doc-heap',
    label: 'Memory per loaded document, 20 goals (heap + external)',
    unit: 'KB',
    ratio: true,
    digits: 1,
    get: (r) => kb(r.memory?.heapPerDocument),
  },
  {
    id: 'join-p50',
    label: 'Join storm p50',
    unit: 'ms',
    ratio: true,
    digits: 0,
    get: (r) => r.joinStorm?.joinP50,
  },
  {
    id: 'join-p99',
    label: 'Join storm p99',
    unit: 'ms',
    ratio: true,
    digits: 0,
    get: (r) => r.joinStorm?.joinP99,
  },
  {
    id: 'join-event-loop',
    label: 'Join storm: server event-loop delay, max',
    unit: 'ms',
    ratio: true,
    digits: 0,
    get: (r) => r.joinStorm?.eventLoopMax,
  },
  {
    id: 'join-bytes',
    label: 'Join storm: bytes sent per joining client',
    unit: 'KB',
    ratio: true,
    digits: 0,
    get: (r) => kb(r.joinStorm?.bytesPerJoin),
  },
  {
    id: 'reconnect-bytes',
    label: 'Reconnect after 100 missed edits: bytes received',
    unit: 'bytes',
    ratio: true,
    digits: 0,
    get: (r) => r.joinStorm?.reconnectBytesIn,
  },
  {
    id: 'crash-confirmed',
    label: 'kill -9: edits confirmed to the client before the kill',
    unit: 'edits',
    ratio: false,
    digits: 0,
    get: (r) => r.crash?.confirmed,
  },
  {
    id: 'crash-lost',
    label: 'kill -9: confirmed edits lost',
    unit: 'edits',
    ratio: false,
    digits: 0,
    get: (r) => r.crash?.confirmedLost,
  },
  {
    id: 'crash-sent-lost',
    label: 'kill -9: sent edits lost (confirmed or not)',
    unit: 'edits',
    ratio: false,
    digits: 0,
    get: (r) => (r.crash ? r.crash.sentLost : undefined),
  },
  {
    id: 'convergence',
    label: 'Real providers converged (1 = yes)',
    unit: '',
    ratio: false,
    digits: 0,
    get: (r) => (r.convergence ? Number(r.convergence.converged) : undefined),
  },
];

/** ours ÷ anchor, or undefined when either is missing or the anchor is zero. */
export function ratio(ours: number | undefined, anchor: number | undefined): number | undefined {
  if (ours === undefined || anchor === undefined) return undefined;
  if (!Number.isFinite(ours) || !Number.isFinite(anchor) || anchor === 0) return undefined;
  return ours / anchor;
}

export function formatNumber(value: number | undefined, digits = 1): string {
  if (value === Infinity) return '∞';
  if (value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function formatRatio(value: number | undefined): string {
  if (value === undefined) return '—';
  if (value < 0.01) return `${value.toPrecision(2)}×`;
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)}×`;
}

/** The figures table: one row per figure, a column per server, then ours ÷ each anchor. */
export function figuresTable(results: BenchResults): string {
  const ours = results.servers.find((s) => s.server === 'ours');
  const anchors = results.servers.filter((s) => s.server !== 'ours');
  const header = [
    'Figure',
    'Unit',
    ...results.servers.map((s) => s.label),
    ...(ours ? anchors.map((a) => `ours ÷ ${a.label}`) : []),
  ];
  const rows = FIGURES.filter((figure) =>
    results.servers.some((s) => figure.get(s) !== undefined),
  ).map((figure) => [
    figure.label,
    figure.unit,
    ...results.servers.map((s) => formatNumber(figure.get(s), figure.digits)),
    ...(ours
      ? anchors.map((a) =>
          figure.ratio ? formatRatio(ratio(figure.get(ours), figure.get(a))) : '',
        )
      : []),
  ]);
  return markdownTable(header, rows);
}

export function markdownTable(header: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  return [
    `| ${header.map(escape).join(' | ')} |`,
    `| ${header.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

export interface TargetVerdict {
  target: string;
  measured: string;
  met: boolean | undefined;
}

const find = (results: BenchResults, id: ServerId) => results.servers.find((s) => s.server === id);

/** The issue's targets for ours, each met, not met, or not measured (undefined). */
export function targetVerdicts(results: BenchResults): TargetVerdict[] {
  const ours = find(results, 'ours');
  const hocuspocus = find(results, 'hocuspocus');
  const get = (id: string, r: ServerResults | undefined) =>
    r ? FIGURES.find((f) => f.id === id)!.get(r) : undefined;
  const verdict = (value: number | undefined, limit: number) =>
    value === undefined || !Number.isFinite(value) ? undefined : value <= limit;
  const readers = ours?.rooms.fanout ? ours.rooms.fanout.receiversPerEdit : undefined;

  const cpuRatio = ratio(get('fanout-cpu', ours), get('fanout-cpu', hocuspocus));
  const fanout = get('fanout-p99', ours);
  const join = get('join-p99', ours);
  // Judged on live memory (heap + external after GC); RSS, which also grows with allocator and
  // heap headroom, is shown beside it.
  const connection = ours?.memory ? ours.memory.heapPerConnection / 1024 : undefined;
  const durable = get('durable-p99', ours);
  const lost = ours?.crash?.confirmedLost;
  return [
    {
      target: 'Server CPU per update per receiver ≤ 0.5× Hocuspocus (fan-out)',
      measured: cpuRatio === undefined ? 'not measured' : `${formatRatio(cpuRatio)}`,
      // Not judged in --quick: /proc counts CPU in 10 ms ticks, about 4 µs per delivery over its
      // short runs with 200 readers, so the ratio there is a few ticks against a few.
      met: readers !== undefined && readers < 500 ? undefined : verdict(cpuRatio, 0.5),
    },
    {
      target: 'Fan-out delivery p99 ≤ 20 ms at 500 readers',
      measured:
        fanout === undefined
          ? 'not measured'
          : `${formatNumber(fanout, 1)} ms at ${readers} readers`,
      met: readers !== undefined && readers < 500 ? undefined : verdict(fanout, 20),
    },
    {
      target: 'Join storm p99 ≤ 2 s (150 clients, 4 MB document)',
      measured:
        join === undefined
          ? 'not measured'
          : `${formatNumber(join, 0)} ms (${ours?.joinStorm?.clients} clients, ` +
            `${formatNumber(kb(ours?.joinStorm?.documentBytes)! / 1024, 1)} MB)`,
      // Judged only at the target's scale (--quick storms 50 clients on 1 MB).
      met:
        (ours?.joinStorm?.clients ?? 0) < 150 ||
        (ours?.joinStorm?.documentBytes ?? 0) < 4 * 1000 * 1000
          ? undefined
          : verdict(join, 2000),
    },
    {
      target: '≤ 50 KB per idle connection',
      measured:
        connection === undefined
          ? 'not measured'
          : `${formatNumber(connection, 1)} KB live (heap + external after GC); ` +
            `RSS grew ${formatNumber(kb(ours?.memory?.rssPerConnection), 1)} KB per connection`,
      met: verdict(connection, 50),
    },
    {
      target: 'Edit → durable p99 ≤ 100 ms',
      measured:
        durable === undefined ? 'not measured' : `${formatNumber(durable, 1)} ms (worst workload)`,
      met: verdict(durable, 100),
    },
    {
      target: 'Zero acknowledged edits lost after kill -9',
      measured:
        lost === undefined ? 'not measured' : `${lost} of ${ours?.crash?.confirmed} acknowledged`,
      met: lost === undefined ? undefined : lost === 0,
    },
  ];
}

export function targetsTable(results: BenchResults): string {
  return markdownTable(
    ['Target (ours)', 'Measured', 'Verdict'],
    targetVerdicts(results).map((v) => [
      v.target,
      v.measured,
      v.met === undefined ? 'not judged' : v.met ? '**met**' : '**not met**',
    ]),
  );
}

/** Runs discarded because the generator saturated, and anything else a reader must know. */
export function runNotes(results: BenchResults): string[] {
  const notes: string[] = [];
  for (const server of results.servers) {
    for (const [workload, result] of Object.entries(server.rooms)) {
      if (!result) continue;
      const discarded = [
        result.saturated > 0 ? `${result.saturated} with the load generator saturated` : '',
        result.disturbed > 0 ? `${result.disturbed} disturbed by other processes` : '',
      ].filter(Boolean);
      if (discarded.length > 0) {
        notes.push(
          `${server.label}, ${workload}: of ${result.runs.length} runs, discarded ${discarded.join(' and ')}` +
            (result.allDiscarded ? ' — every run was, so its figures are of disturbed runs' : ''),
        );
      }
      if (result.median.completeness < 0.999) {
        notes.push(
          `${server.label}, ${workload}: only ${(result.median.completeness * 100).toFixed(1)}% of expected deliveries arrived`,
        );
      }
      if (result.refusals > 0 || result.closedClients > 0) {
        notes.push(
          `${server.label}, ${workload}: ${result.refusals} updates refused, ${result.closedClients} clients closed by the server` +
            (result.closeCodes && result.closedClients > 0
              ? ` (${Object.entries(result.closeCodes)
                  .map(([code, count]) => `${count} × ${code}`)
                  .join(', ')})`
              : ''),
        );
      }
    }
    if (server.sweep && server.sweep.ended !== 'crossed') {
      notes.push(
        `${server.label}: the rate sweep ended with p99 still ≤ 50 ms (${server.sweep.ended === 'generator-saturated' ? 'the load generator saturated first' : 'highest step reached'}); its figure is a lower bound`,
      );
    }
    if (server.joinStorm && server.joinStorm.generatorShare >= 0.9) {
      notes.push(`${server.label}: the load generator saturated during the join storm`);
    }
    if (server.joinStorm && server.joinStorm.serverWaitShare > DISTURBANCE_THRESHOLD) {
      notes.push(
        `${server.label}: during the join storm the server waited for its core ${(server.joinStorm.serverWaitShare * 100).toFixed(0)}% of the time (other threads and processes)`,
      );
    }
    if (server.joinStorm && server.joinStorm.failed > 0) {
      notes.push(`${server.label}: ${server.joinStorm.failed} join-storm clients failed to sync`);
    }
    for (const error of server.errors) notes.push(`${server.label}: ${error}`);
  }
  return notes;
}

/** The whole Markdown report of a run. */
export function renderReport(results: BenchResults, chartFile?: string): string {
  const notes = runNotes(results);
  return [
    `# Sync benchmark — ${results.mode} run, ${results.startedAt}`,
    '',
    `Machine: ${results.machine.cpus} cores (${results.machine.model}), Node ${results.machine.node}, ` +
      `load average at start ${results.machine.loadAverage.map((l) => l.toFixed(2)).join(' / ')}. ` +
      `Postgres: ${results.database === 'embedded' ? 'embedded (throwaway cluster)' : 'DATABASE_URL server'}. ` +
      `Warm-up ${results.scale.warmupMs / 1000} s, then ${results.scale.runs} runs of ${results.scale.runMs / 1000} s, medians. ` +
      `Took ${Math.round(results.durationSeconds)} s.`,
    '',
    '## Targets',
    '',
    targetsTable(results),
    '',
    '## Figures',
    '',
    figuresTable(results),
    '',
    ...(chartFile
      ? [`![Delivery p99 and server CPU per update per receiver](${chartFile})`, '']
      : []),
    '## Notes',
    '',
    ...(notes.length === 0 ? ['None: no run was discarded.'] : notes.map((note) => `- ${note}`)),
    '',
  ].join('\n');
}
