// `pnpm start` on a machine with no database configured: it starts an embedded PostgreSQL in its
// data folder, says where that is, seeds the demo organisation once, serves the app, and a Ctrl-C
// in the terminal stops everything, PostgreSQL included, with exit code 0. A second start reuses
// the folder. Needs the production build (pnpm build).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isListening,
  launch,
  organisationCount,
  pressCtrlC,
  useThrowawayInstallation,
  untilRunning,
} from './launcher-support.ts';

const installation = useThrowawayInstallation();

describe('pnpm start', () => {
  it('starts on an embedded database in THREADLINE_DATA_DIR, says so, seeds the demo organisation, and serves the app', async () => {
    const launched = launch(installation);
    try {
      await untilRunning(launched);
      expect(launched.output()).toContain(
        `Starting the embedded PostgreSQL in ${installation.dataDir}`,
      );
      expect(launched.output()).not.toContain('.data/postgres');
      expect(existsSync(path.join(installation.dataDir, 'PG_VERSION'))).toBe(true);
      const login = await fetch(`http://127.0.0.1:${installation.ports.web}/login`);
      expect(login.status).toBe(200);
      expect(await login.text()).toContain('Sign in');
      const health = await fetch(`http://127.0.0.1:${installation.ports.sync}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      expect(await organisationCount(installation.ports.postgres)).toBe(1);
    } finally {
      expect(await pressCtrlC(launched)).toBe(0);
    }
    // The terminal and pnpm each deliver the Ctrl-C: the launcher still ran its own orderly
    // shutdown to the end, and pnpm reported no failure.
    expect(launched.output()).toContain('[start] Stopped.');
    expect(launched.output()).not.toContain('ELIFECYCLE');
    // Ctrl-C stopped everything, PostgreSQL included.
    expect(await isListening(installation.ports.web)).toBe(false);
    expect(await isListening(installation.ports.sync)).toBe(false);
    expect(await isListening(installation.ports.postgres)).toBe(false);
    expect(existsSync(path.join(installation.dataDir, 'postmaster.pid'))).toBe(false);
  }, 180_000);

  it('reuses the data folder on a second start instead of seeding again', async () => {
    const launched = launch(installation);
    try {
      await untilRunning(launched);
      expect(launched.output()).not.toContain('seeding the demo organisation');
      expect(await organisationCount(installation.ports.postgres)).toBe(1);
    } finally {
      expect(await pressCtrlC(launched)).toBe(0);
    }
  }, 180_000);
});
