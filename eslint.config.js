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
      '@threadline/domain/development',
      '@threadline/domain/development/**',
    ],
    message: 'Generic sync code does not know document kinds: take what you need from the kind.',
  },
  {
    group: [
      '$lib/goals',
      '$lib/goals/**',
      '**/lib/goals',
      '**/lib/goals/**',
      '../goals/**',
      '$lib/one-on-ones',
      '$lib/one-on-ones/**',
      '**/lib/one-on-ones/**',
      '$lib/development',
      '$lib/development/**',
      '**/lib/development/**',
    ],
    message: 'lib/sync serves every kind: a kind hands it hooks (SnapshotFirst).',
  },
  {
    group: [
      '**/documents/goals/**',
      '**/documents/one-on-ones/**',
      '**/documents/development-plans/**',
    ],
    message: 'Generic server code reaches a kind through the kind registry only.',
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
    // calibration boards) and imports none of them: what a kind is lives in its folder under
    // sync-server/src/documents/ and is registered in production-kinds.ts (SYNC3).
    files: [
      'web/src/lib/sync/**',
      'sync-server/src/{rooms,persistence,scale-out,projection,revocation,auth,limits,operations}/**',
      'sync-server/src/{app,server,websocket-sink}.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: KIND_CODE }] },
  },
);
