// Renders a saved run again (report, chart, and BENCHMARKS.md for a full run) after the report
// code changed, without measuring anything:
//
//   node tests/bench/render.ts tests/bench/results/<timestamp>-full.json
import { readFile } from 'node:fs/promises';
import { parseResults, stampOf, writeResults } from './lib/output.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: node tests/bench/render.ts <results.json>');
const results = parseResults(await readFile(file, 'utf8'));
// Only a full run of every server stands for the latest results in BENCHMARKS.md.
await writeResults(results, {
  updateBenchmarksMd: results.mode === 'full' && results.servers.length === 4,
});
console.log(`rendered tests/bench/results/${stampOf(results)}.{md,svg,json} and latest.*`);
