// Writes a run's results: timestamped and latest JSON, Markdown report and SVG chart under
// tests/bench/results/, and (for a full run) the latest-results section of BENCHMARKS.md.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { renderChart } from './chart.ts';
import { figuresTable, renderReport, runNotes, targetsTable } from './report.ts';
import type { BenchResults } from './results.ts';

export const RESULTS = new URL('../results/', import.meta.url);
const BENCHMARKS_MD = new URL('../../../BENCHMARKS.md', import.meta.url);

/** JSON replacer: numbers to five significant digits, Infinity (never saved) kept as a word. */
export function roundForJson(_key: string, value: unknown): unknown {
  if (value === Infinity) return 'Infinity';
  if (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value)) {
    return Number(value.toPrecision(5));
  }
  return value;
}

export function parseResults(json: string): BenchResults {
  return JSON.parse(json, (_key, value: unknown) =>
    value === 'Infinity' ? Infinity : value === null ? NaN : value,
  ) as BenchResults;
}

export function stampOf(results: BenchResults): string {
  return `${results.startedAt.replaceAll(':', '-')}-${results.mode}`;
}

export async function writeResults(
  results: BenchResults,
  options: { updateBenchmarksMd: boolean },
): Promise<string> {
  await mkdir(RESULTS, { recursive: true });
  const stamp = stampOf(results);
  const svg = await renderChart(results);
  for (const name of [stamp, 'latest']) {
    await writeFile(
      new URL(`${name}.json`, RESULTS),
      JSON.stringify(results, roundForJson, 2) + '\n',
    );
    await writeFile(new URL(`${name}.svg`, RESULTS), svg);
    await writeFile(new URL(`${name}.md`, RESULTS), renderReport(results, `${name}.svg`));
  }
  if (options.updateBenchmarksMd) await updateBenchmarksMd(results, stamp);
  return stamp;
}

/** Replaces the latest-results section of BENCHMARKS.md (between its markers). */
async function updateBenchmarksMd(results: BenchResults, stamp: string) {
  const start = '<!-- bench:latest:start -->';
  const end = '<!-- bench:latest:end -->';
  const text = await readFile(BENCHMARKS_MD, 'utf8').catch(() => '');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) return;
  const notes = runNotes(results);
  const section = [
    start,
    '',
    `Full run of ${results.startedAt} ([report](tests/bench/results/${stamp}.md), ` +
      `[data](tests/bench/results/${stamp}.json)); ${results.machine.cpus} cores, load average at ` +
      `start ${results.machine.loadAverage.map((l) => l.toFixed(1)).join(' / ')}, Postgres ` +
      `${results.database}, ${Math.round(results.durationSeconds / 60)} minutes.`,
    '',
    '### Targets',
    '',
    targetsTable(results),
    '',
    '### Figures',
    '',
    figuresTable(results),
    '',
    `![Delivery p99, server CPU per update per receiver, and the rate sweep](tests/bench/results/${stamp}.svg)`,
    '',
    '### Notes on this run',
    '',
    ...(notes.length === 0 ? ['- No run was discarded.'] : notes.map((note) => `- ${note}`)),
    '',
    end,
  ].join('\n');
  await writeFile(BENCHMARKS_MD, text.slice(0, from) + section + text.slice(to + end.length));
}
