import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from './tests/e2e/chromium-path.ts';

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  // A hang guard, not a speed check (speed is measured by the benchmarks). On this 2-core machine two
  // workers, two Chromiums and the servers share the cores, and a CI run that shares the machine
  // with anything else ran every test about three times slower than a quiet run (sign-in 9.8 s
  // against 2.8 s); 30 s then failed tests that pass in 6-10 s when quiet.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One output folder per port, so concurrent runs (several people, one machine) never collide.
  outputDir: `test-results/e2e-${port}`,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: resolveChromium(), args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: 'node scripts/e2e-server.ts',
    url: `http://127.0.0.1:${port}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(port) },
    // SIGTERM lets scripts/e2e-server.ts stop the servers and drop its database.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
