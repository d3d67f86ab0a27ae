// `pnpm test`: everything, in order — lint, type checks, unit tests, the Postgres suites on the
// embedded engine (and again on the server in DATABASE_URL when one is configured), the
// production build, then the Playwright end-to-end tests in Chromium. Every step runs even after
// a failure (except those that need the build), so one run reports every problem; the exit code
// is non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './lib/repo-root.ts';

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  needsBuild?: boolean;
}

const serverUrl = process.env.DATABASE_URL;
const embeddedEnv = { TEST_DATABASE_URL: '', TEST_ENGINE: 'embedded' };

const steps: Step[] = [
  { name: 'format (prettier)', command: ['pnpm', 'exec', 'prettier', '--check', '.'] },
  { name: 'lint (eslint)', command: ['pnpm', 'exec', 'eslint', '.'] },
  { name: 'types (svelte-check + tsc)', command: ['pnpm', 'run', 'check'] },
  {
    name: 'unit tests',
    command: ['pnpm', 'exec', 'vitest', 'run', '--project', 'unit', '--project', 'web'],
  },
  {
    name: 'Postgres tests on the embedded engine',
    command: ['pnpm', 'exec', 'vitest', 'run', '--project', 'postgres'],
    env: embeddedEnv,
  },
  ...(serverUrl
    ? [
        {
          name: 'Postgres tests on the DATABASE_URL server',
          command: ['pnpm', 'exec', 'vitest', 'run', '--project', 'postgres'],
          env: { TEST_DATABASE_URL: serverUrl },
        },
      ]
    : []),
  { name: 'build', command: ['pnpm', 'run', 'build'] },
  {
    name: 'launcher and build tests (pnpm start on an embedded database, the built web server)',
    command: ['pnpm', 'exec', 'vitest', 'run', '--project', 'launcher'],
    needsBuild: true,
  },
  {
    name: 'end-to-end tests (Playwright, Chromium)',
    command: ['pnpm', 'exec', 'playwright', 'test'],
    needsBuild: true,
  },
];

const only = process.argv.slice(2);
const results: Array<{ name: string; status: 'passed' | 'failed' | 'skipped'; seconds: number }> =
  [];
let buildFailed = false;

for (const step of steps) {
  if (only.length && !only.some((word) => step.name.toLowerCase().includes(word.toLowerCase())))
    continue;
  if (step.needsBuild && buildFailed) {
    results.push({ name: step.name, status: 'skipped', seconds: 0 });
    continue;
  }
  console.log(`\n━━━ ${step.name} ━━━`);
  const started = performance.now();
  const [command, ...args] = step.command;
  const run = spawnSync(command!, args, {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const passed = run.status === 0;
  if (step.name === 'build' && !passed) buildFailed = true;
  results.push({
    name: step.name,
    status: passed ? 'passed' : 'failed',
    seconds: (performance.now() - started) / 1000,
  });
}

console.log('\n━━━ summary ━━━');
for (const result of results) {
  console.log(
    `${result.status.padEnd(8)} ${result.seconds.toFixed(1).padStart(6)} s  ${result.name}`,
  );
}
process.exit(results.some((result) => result.status === 'failed') ? 1 : 0);
