// Vitest global setup: one PostgreSQL for the whole run, with a migrated template database that
// every test file clones into a database of its own (see test-database.ts).
//
// Engine: a throwaway embedded cluster by default; with TEST_DATABASE_URL (or DATABASE_URL and
// TEST_ENGINE=server) the server it names. scripts/test.ts runs the suite on both when a server
// is configured.
import type { TestProject } from 'vitest/node';
import { createScratchDatabase } from '@threadline/db/scratch-database';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresTemplate: string;
    postgresEngine: 'embedded' | 'server';
  }
}

export default async function setup(project: TestProject) {
  const template = await createScratchDatabase('threadline_template', { serverUrl: serverUrl() });
  // A template cannot be cloned while anyone is connected to it; the migrator has disconnected.
  project.provide('postgresAdminUrl', template.cluster.adminUrl);
  project.provide('postgresTemplate', template.name);
  project.provide('postgresEngine', template.cluster.engine);
  return () => template.drop();
}

function serverUrl(): string | undefined {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (process.env.TEST_ENGINE === 'server') return process.env.DATABASE_URL;
  return undefined;
}
