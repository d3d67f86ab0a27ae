// Where scripts/e2e-server.ts says which database a run uses, for the specs that stage a
// condition there (one file per port, so concurrent runs never read each other's).
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function e2eDatabaseFile(port: number): string {
  return path.join(tmpdir(), `threadline-e2e-${port}.json`);
}

/** This run's database URL (the spec's port is the server's: playwright.config.ts). */
export function e2eDatabaseUrl(): string {
  const port = Number(process.env.E2E_PORT ?? 4173);
  return (JSON.parse(readFileSync(e2eDatabaseFile(port), 'utf8')) as { url: string }).url;
}
