// `pnpm start` must work on a fresh clone (no build yet) and after a `git pull` (stale build), without
// rebuilding on every start: compare the newest source file with the build's output.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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
  log('Building the web app (first start or sources changed)…');
  const result = spawnSync('pnpm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`The build failed (exit code ${result.status}).`);
}
