// Summarises a V8 CPU profile (from `pnpm bench --profile`, or any `node --cpu-prof`): the
// functions with the most self time, and the share of time spent under a few frames worth
// knowing about in a sync server (Yjs, ws, pg, pino, prom-client, the GC).
//
//   node tests/bench/profile-summary.ts <file.cpuprofile> [--top 30]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' } },
});
const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);

// Time per sample: the delta before the next sample.
// Shares are of busy time: the (idle) samples are left out, since a server in the benchmark
// idles while the other servers are measured.
const self = new Map<number, number>();
let total = 0;
let idle = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i + 1] ?? 0;
  if (byId.get(id)?.callFrame.functionName === '(idle)') {
    idle += dt;
    return;
  }
  self.set(id, (self.get(id) ?? 0) + dt);
  total += dt;
});

const where = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '');
  return `${functionName || '(anonymous)'} ${file ? `${file.split('/').slice(-3).join('/')}:${lineNumber + 1}` : ''}`;
};
const selfByFunction = new Map<string, number>();
for (const [id, time] of self) {
  const key = where(byId.get(id)!);
  selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + time);
}
const percent = (time: number) => `${((time / total) * 100).toFixed(1).padStart(5)}%`;
console.log(
  `busy ${(total / 1000).toFixed(0)} ms of ${((total + idle) / 1000).toFixed(0)} ms sampled\n\nself time (share of busy time):`,
);
for (const [key, time] of [...selfByFunction]
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(values.top))) {
  console.log(`${percent(time)}  ${key}`);
}

// Inclusive time under frames matching each pattern (counted once per sample).
const groups: Record<string, RegExp> = {
  'yjs (apply, encode, merge)': /\/yjs\//,
  'y-protocols (awareness, sync)': /\/y-protocols\//,
  'lib0 (encoding)': /\/lib0\//,
  'ws (frames, sockets)': /\/ws\/lib\//,
  'pg (queries)': /\/pg(-protocol)?\/|\/pg-pool\//,
  'pino (logging)': /\/pino\//,
  'prom-client (metrics)': /\/prom-client\//,
  'hono / node-server': /\/hono\/|@hono\/node-server/,
  'sync-server src': /sync-server\/src\//,
  'domain src (validation, projection)': /\/domain\/src\//,
  'garbage collector': /^\(garbage collector\)$/,
};
console.log('\ninclusive time under:');
for (const [name, pattern] of Object.entries(groups)) {
  let time = 0;
  for (const [id, dt] of self) {
    let node: ProfileNode | undefined = byId.get(id);
    while (node) {
      const { url, functionName } = node.callFrame;
      if (pattern.test(url) || pattern.test(functionName)) {
        time += dt;
        break;
      }
      const up = parent.get(node.id);
      node = up === undefined ? undefined : byId.get(up);
    }
  }
  console.log(`${percent(time)}  ${name}`);
}
