// `pnpm start` must work on a fresh clone (no build yet) and after a `git pull` (stale build), without
// rebuilding on every start: compare the newest source file with the build's output.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repo-root.ts';

const SOURCES = [
  'web',
  'domain/src',
  'db/src',
  'svelte.config.js',
  'vite.config.ts',
  'package.json',
];
// adapter-node rewrites build/index.js on every build, so its age is the build's age.
const BUILT_ENTRY = path.join(REPO_ROOT, 'build', 'index.js');
// The build prints a couple of hundred lines a newcomer has no use for: they go here instead.
export const BUILD_LOG = path.join(REPO_ROOT, '.data', 'build.log');

function newestMtime(entry: string): number {
  const stats = statSync(entry, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === 'node_modules' || child.startsWith('.') || child.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

export function isBuildStale(): boolean {
  const built = statSync(BUILT_ENTRY, { throwIfNoEntry: false });
  if (!built) return true;
  return SOURCES.some((source) => newestMtime(path.join(REPO_ROOT, source)) > built.mtimeMs);
}

export function buildIfStale(log: (line: string) => void): void {
  if (!isBuildStale()) return;
  log(
    `Building the web app (first start or sources changed; about a minute, log in ${path.relative(REPO_ROOT, BUILD_LOG)})…`,
  );
  const started = performance.now();
  mkdirSync(path.dirname(BUILD_LOG), { recursive: true });
  const output = openSync(BUILD_LOG, 'w');
  const result = spawnSync('pnpm', ['run', 'build'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', output, output],
  });
  closeSync(output);
  if (result.status !== 0) {
    const tail = readFileSync(BUILD_LOG, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
    throw new Error(
      `The build failed (exit code ${result.status}). Its last lines:\n${tail}\nThe whole log: ${BUILD_LOG}`,
    );
  }
  log(`Built in ${Math.round((performance.now() - started) / 1000)} s.`);
}
