import { describe, expect, it } from 'vitest';
import type { RunFigures } from './measure.ts';
import {
  figuresTable,
  formatRatio,
  markdownTable,
  ratio,
  runNotes,
  targetVerdicts,
} from './report.ts';
import type { BenchResults, ServerResults } from './results.ts';
import type { RoomResult } from '../workloads/rooms.ts';

function figures(overrides: Partial<RunFigures>): RunFigures {
  return {
    editsPerSecond: 100,
    deliveryP50: 1,
    deliveryP99: 10,
    completeness: 1,
    serverCpuShare: 0.2,
    cpuMicrosPerDelivery: 20,
    systemCpuMicrosPerDelivery: 12,
    eventLoopP99: 5,
    eventLoopMax: 9,
    durableP50: 5,
    durableP99: 50,
    notDurable: 0,
    walBytesPerEdit: 500,
    generatorShare: 0.3,
    generatorDelayP99: 2,
    serverWaitShare: 0,
    generatorWaitShare: 0,
    ...overrides,
  };
}

function fanout(overrides: Partial<RunFigures>, receivers = 500): RoomResult {
  return {
    workload: 'fanout',
    clients: receivers + 1,
    receiversPerEdit: receivers,
    refusals: 0,
    closedClients: 0,
    median: figures(overrides),
    runs: [],
    saturated: 0,
    disturbed: 0,
    allDiscarded: false,
  };
}

function server(id: ServerResults['server'], rest: Partial<ServerResults> = {}): ServerResults {
  return { server: id, label: id, rooms: {}, errors: [], ...rest };
}

function results(servers: ServerResults[]): BenchResults {
  return {
    startedAt: '2026-01-01T00:00:00Z',
    mode: 'full',
    durationSeconds: 1,
    machine: { cpus: 2, model: 'cpu', node: 'v24', loadAverage: [1, 1, 1] },
    database: 'embedded',
    scale: {
      quick: false,
      warmupMs: 1,
      runMs: 1,
      runs: 3,
      maxRuns: 6,
      graceMs: 1,
      settleMs: 1,
    },
    servers,
  };
}

describe('ratios', () => {
  it('divides ours by the anchor', () => {
    expect(ratio(10, 40)).toBe(0.25);
  });

  it('has no ratio when either figure is missing, not finite, or the anchor is zero', () => {
    expect(ratio(undefined, 4)).toBeUndefined();
    expect(ratio(4, undefined)).toBeUndefined();
    expect(ratio(NaN, 4)).toBeUndefined();
    expect(ratio(4, 0)).toBeUndefined();
  });

  it('formats ratios with two decimals below 10 and one above', () => {
    expect(formatRatio(0.256)).toBe('0.26×');
    expect(formatRatio(12.34)).toBe('12.3×');
    expect(formatRatio(0.00076)).toBe('0.00076×');
    expect(formatRatio(undefined)).toBe('—');
  });
});

describe('figures table', () => {
  const run = results([
    server('ours', {
      rooms: {
        fanout: fanout({ deliveryP99: 8, cpuMicrosPerDelivery: 10, systemCpuMicrosPerDelivery: 6 }),
      },
    }),
    server('hocuspocus', {
      rooms: {
        fanout: fanout({
          deliveryP99: 16,
          cpuMicrosPerDelivery: 40,
          systemCpuMicrosPerDelivery: 8,
        }),
      },
    }),
  ]);
  const table = figuresTable(run);

  it('has a column per server and one ratio column per anchor', () => {
    expect(table.split('\n')[0]).toBe('| Figure | Unit | ours | hocuspocus | ours ÷ hocuspocus |');
  });

  it('shows each measured figure with ours ÷ anchor', () => {
    expect(table).toContain('| Delivery p99, fan-out | ms | 8.0 | 16.0 | 0.50× |');
    expect(table).toContain(
      '| Server CPU per update per receiver, fan-out | µs | 10.0 | 40.0 | 0.25× |',
    );
  });

  it('shows the kernel share of fan-out CPU right under it, and for fan-out only', () => {
    const lines = table.split('\n');
    const cpu = lines.findIndex((line) =>
      line.startsWith('| Server CPU per update per receiver, fan-out'),
    );
    expect(lines[cpu + 1]).toBe(
      '| … of which in the kernel (system time), fan-out | µs | 6.0 | 8.0 | 0.75× |',
    );
    expect(table.match(/in the kernel/g)).toHaveLength(1);
  });

  it('leaves out figures no server measured', () => {
    expect(table).not.toContain('Join storm');
  });

  it('escapes pipes inside cells', () => {
    expect(markdownTable(['a'], [['x|y']])).toContain('x\\|y');
  });
});

describe('targets', () => {
  it('marks each target met, not met, or not judged when unmeasured', () => {
    const verdicts = targetVerdicts(
      results([
        server('ours', {
          rooms: { fanout: fanout({ deliveryP99: 25, cpuMicrosPerDelivery: 10, durableP99: 80 }) },
          crash: { sent: 100, confirmed: 90, confirmedLost: 0, sentLost: 3 },
        }),
        server('hocuspocus', { rooms: { fanout: fanout({ cpuMicrosPerDelivery: 40 }) } }),
      ]),
    );
    const met = (start: string) => verdicts.find((v) => v.target.startsWith(start))!.met;
    expect(met('Server CPU')).toBe(true); // 0.25× ≤ 0.5×
    expect(met('Fan-out')).toBe(false); // 25 ms > 20 ms
    expect(met('Join storm')).toBeUndefined();
    expect(met('≤ 50 KB')).toBeUndefined();
    expect(met('Edit → durable')).toBe(true);
    expect(met('Zero acknowledged')).toBe(true);
  });

  it('does not judge fan-out p99 measured with fewer than 500 readers', () => {
    const verdicts = targetVerdicts(
      results([server('ours', { rooms: { fanout: fanout({ deliveryP99: 5 }, 200) } })]),
    );
    const fan = verdicts.find((v) => v.target.startsWith('Fan-out'))!;
    expect(fan.met).toBeUndefined();
    expect(fan.measured).toBe('5.0 ms at 200 readers');
  });

  it('does not judge the CPU ratio measured with fewer than 500 readers (--quick)', () => {
    const cpu = (receivers: number) =>
      targetVerdicts(
        results([
          server('ours', { rooms: { fanout: fanout({ cpuMicrosPerDelivery: 10 }, receivers) } }),
          server('hocuspocus', {
            rooms: { fanout: fanout({ cpuMicrosPerDelivery: 40 }, receivers) },
          }),
        ]),
      ).find((v) => v.target.startsWith('Server CPU'))!;
    expect(cpu(500).met).toBe(true);
    expect(cpu(200).met).toBeUndefined();
    expect(cpu(200).measured).toBe('0.25×');
  });

  it('judges the join storm only at 150 clients on a 4 MB document', () => {
    const storm = (clients: number, documentBytes: number) =>
      targetVerdicts(
        results([
          server('ours', {
            joinStorm: {
              clients,
              documentBytes,
              joinP50: 500,
              joinP99: 900,
              joinMax: 900,
              failed: 0,
              bytesPerJoin: documentBytes,
              serverCpuMs: 1,
              eventLoopMax: 20,
              serverWaitShare: 0,
              generatorShare: 0.2,
              reconnectBytesIn: 1,
              reconnectBytesOut: 1,
              reconnectMissedBytes: 1,
            },
          }),
        ]),
      ).find((v) => v.target.startsWith('Join storm'))!.met;
    expect(storm(150, 4_200_000)).toBe(true);
    expect(storm(50, 1_100_000)).toBeUndefined();
  });

  it('fails the durability target when one acknowledged edit is lost', () => {
    const verdicts = targetVerdicts(
      results([
        server('ours', { crash: { sent: 10, confirmed: 10, confirmedLost: 1, sentLost: 1 } }),
      ]),
    );
    expect(verdicts.at(-1)).toEqual({
      target: 'Zero acknowledged edits lost after kill -9',
      measured: '1 of 10 acknowledged',
      met: false,
    });
  });
});

describe('notes', () => {
  it('says which runs were discarded and why', () => {
    const room = { ...fanout({}), runs: new Array(5), saturated: 1, disturbed: 1 };
    const notes = runNotes(results([server('ours', { rooms: { fanout: room } })]));
    expect(notes).toEqual([
      'ours, fanout: of 5 runs, discarded 1 with the load generator saturated and 1 disturbed by other processes',
    ]);
  });

  it('says when the server waited for its core during the join storm', () => {
    const joinStorm = (serverWaitShare: number) => ({
      clients: 150,
      documentBytes: 4_200_000,
      joinP50: 500,
      joinP99: 900,
      joinMax: 900,
      failed: 0,
      bytesPerJoin: 4_200_000,
      serverCpuMs: 1,
      eventLoopMax: 20,
      serverWaitShare,
      generatorShare: 0.2,
      reconnectBytesIn: 1,
      reconnectBytesOut: 1,
      reconnectMissedBytes: 1,
    });
    expect(runNotes(results([server('ours', { joinStorm: joinStorm(0.2) })]))).toEqual([]);
    expect(runNotes(results([server('ours', { joinStorm: joinStorm(0.3) })]))).toEqual([
      'ours: during the join storm the server waited for its core 30% of the time (other threads and processes)',
    ]);
  });
});
