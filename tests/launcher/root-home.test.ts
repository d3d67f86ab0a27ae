// Cloned into root's home folder (mode 0700) and run as root, as a CI job or a fresh server may
// well do: PostgreSQL refuses to run as root and runs as the postgres user, who cannot enter that
// folder, so neither the binaries in node_modules nor .data/postgres are of use to it. Both README
// commands must still work: `pnpm start`, and the embedded engine `pnpm test` gives each Postgres
// test run. The repository is copied (hard links, timestamps kept: no rebuild) into a 0700 folder.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePorts,
  launch,
  organisationCount,
  pressCtrlC,
  REPO_ROOT,
  untilRunning,
} from './launcher-support.ts';

const asRoot = process.getuid?.() === 0;
let home: string;
let clone: string;

beforeAll(async () => {
  if (!asRoot) return;
  await mkdir(path.join(REPO_ROOT, '.data'), { recursive: true });
  // Beside the repository, so hard links work (same file system); mkdtemp makes it 0700.
  home = await mkdtemp(path.join(REPO_ROOT, '.data', 'root-home-'));
  clone = path.join(home, 'threadline');
  await mkdir(clone);
  const entries = readdirSync(REPO_ROOT).filter((name) => !['.data', '.git'].includes(name));
  const copy = spawnSync('cp', [
    '-al',
    ...entries.map((name) => path.join(REPO_ROOT, name)),
    clone,
  ]);
  if (copy.status !== 0) throw new Error(`cp failed: ${copy.stderr.toString()}`);
});
afterAll(async () => {
  if (!asRoot) return;
  const link = path.join(clone, '.data', 'postgres');
  if (existsSync(link)) await rm(readlinkSync(link), { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
});

describe.runIf(asRoot)('as root in a home folder only root can enter', () => {
  it('pnpm start runs PostgreSQL from where the postgres user can reach it, and says where its files are', async () => {
    expect(statSync(home).mode & 0o777).toBe(0o700);
    const ports = await freePorts();
    const launched = launch({ ports, cwd: clone });
    try {
      await untilRunning(launched);
      const asked = path.join(clone, '.data', 'postgres');
      const real = readlinkSync(asked);
      expect(launched.output()).toContain(`The postgres user cannot enter ${asked}`);
      expect(launched.output()).toContain(`Starting the embedded PostgreSQL in ${real}`);
      expect(existsSync(path.join(real, 'PG_VERSION'))).toBe(true);
      expect(await organisationCount(ports.postgres)).toBe(1);
    } finally {
      expect(await pressCtrlC(launched)).toBe(0);
    }
  }, 240_000);

  it('the test suite’s scratch databases start on the embedded engine there too', () => {
    const script = `
      const { createScratchDatabase } = await import('@threadline/db/scratch-database');
      const database = await createScratchDatabase('root_home');
      await database.drop();`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: clone,
      env: { ...process.env, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 150_000);
});
