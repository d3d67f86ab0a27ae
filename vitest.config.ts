import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests (domain and web helpers), tests that need Postgres (db and
// cross-package integration), and component tests are not split further yet.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['domain/**/*.test.ts', 'sync-server/**/*.test.ts'],
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
          include: ['db/**/*.test.ts', 'web/src/**/*.db.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
