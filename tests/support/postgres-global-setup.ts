// Vitest global setup: one PostgreSQL for the whole run, with a migrated template database that
// every test file clones into a database of its own (see test-database.ts).
//
// Engine: the embedded server by default; with TEST_DATABASE_URL (or DATABASE_URL and
// TEST_ENGINE=server) the server it names. scripts/test.ts runs the suite on both when a server
// is configured.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPool } from '@threadline/db';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@threadline/db/embedded';
import { findFreePort } from '@threadline/db/free-port';
import { migrate } from '@threadline/db/migrate';
import { replaceDatabase } from './database-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresTemplate: string;
    postgresEngine: 'embedded' | 'server';
  }
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let embeddedDir: string | undefined;
  let adminUrl = serverUrl();
  const engine = adminUrl ? 'server' : 'embedded';
  if (!adminUrl) {
    // A throwaway cluster on a free port, so concurrent runs never share one (initdb takes ~0.5 s).
    embeddedDir = await mkdtemp(path.join(os.tmpdir(), 'threadline-test-pg-'));
    // As root, PostgreSQL runs as a separate system user, which must be able to enter the folder.
    await chmod(embeddedDir, 0o755);
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(embeddedDir, 'data'),
      port: await findFreePort(),
    });
    adminUrl = embedded.adminUrl;
  }
  const template = `threadline_template_${randomBytes(4).toString('hex')}`;
  const admin = createPool(adminUrl, 2);
  await admin.query(`CREATE DATABASE ${template}`);
  await migrate(replaceDatabase(adminUrl, template));
  // A template cannot be cloned while anyone is connected to it; the migrator has disconnected.
  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresTemplate', template);
  project.provide('postgresEngine', engine);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
  };
}

function serverUrl(): string | undefined {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (process.env.TEST_ENGINE === 'server') return process.env.DATABASE_URL;
  return undefined;
}
