import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Document kinds' own code: their rules in `domain/`, the goal tree's page state in `web/`, the
 * goal tree's server parts in `sync-server/src/documents/`. Generic sync code reaches a kind only
 * through what the kind hands it (the server's kind registry, a page's SnapshotFirst hooks).
 */
const KIND_CODE = [
  {
    group: ['@threadline/domain/goals', '@threadline/domain/goals/**'],
    message: 'Generic sync code does not know the goal tree: take what you need from the kind.',
  },
  {
    group: [
      '@threadline/domain/one-on-ones',
      '@threadline/domain/one-on-ones/**',
      '@threadline/domain/calibration',
      '@threadline/domain/calibration/**',
    ],
    message: 'Generic sync code does not know document kinds: take what you need from the kind.',
  },
  {
    group: ['$lib/goals', '$lib/goals/**', '**/lib/goals', '**/lib/goals/**', '../goals/**'],
    message: 'lib/sync serves every kind: the goal tree hands it hooks (SnapshotFirst).',
  },
  {
    group: ['**/documents/goal-*'],
    message: 'Generic server code reaches the goal tree through the kind registry only.',
  },
];

export default ts.config(
  {
    ignores: [
      '**/node_modules/',
      '.svelte-kit/',
      'build/',
      '.data/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    // Domain rules are pure: no I/O modules, so browser and server can share them.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'pg', '@threadline/db', 'fs', 'net', 'http'] },
      ],
    },
  },
  {
    // Generic sync code serves every document kind (goal trees, 1:1 series, private notes,
    // calibration boards) and imports none of them. Goal-tree knowledge with no import, which
    // this cannot see — TODO(issue 13): moves into the kind registry: revocation/access-guard.ts
    // (which connections a cycle's change concerns), auth/document-access.ts (who opens a goal
    // tree), projection/document-projector.ts (the `first-screen` view part).
    files: [
      'web/src/lib/sync/**',
      'sync-server/src/{rooms,persistence,scale-out,projection,revocation,auth,limits,operations}/**',
      'sync-server/src/{app,server,websocket-sink}.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: KIND_CODE }] },
  },
);
