import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Projects: pure unit tests (domain, sync-server), web helpers (with SvelteKit's aliases), tests
// that need Postgres (db and cross-package integration), and the tests of the production build
// (the launcher, the built web server's errors).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['domain/**/*.test.ts', 'sync-server/**/*.test.ts', 'tests/bench/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.db.test.ts'],
        },
      },
      {
        plugins: [sveltekit()],
        test: {
          name: 'web',
          include: ['web/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts'],
        },
      },
      {
        plugins: [sveltekit()],
        test: {
          name: 'postgres',
          include: [
            'db/**/*.test.ts',
            'web/src/**/*.db.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/contract/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**'],
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Run `pnpm start` or the built web server, so they need the production build;
        // scripts/test.ts runs them after the build step.
        test: {
          name: 'launcher',
          include: ['tests/launcher/**/*.test.ts'],
          testTimeout: 180_000,
        },
      },
    ],
  },
});
