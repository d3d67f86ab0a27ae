// `pnpm dev`: the Vite dev server (hot reload) and the sync server on the same database
// `pnpm start` uses (DATABASE_URL, else the embedded PostgreSQL in .data/postgres).
import { spawn } from 'node:child_process';
import { openLocalDatabase } from '@threadline/db/local-database';
import { REPO_ROOT } from './lib/repo-root.ts';
import { seedDemoIfEmpty } from './lib/seed-if-empty.ts';
import { onShutdown } from './lib/shutdown.ts';

const log = (line: string) => console.log(`[dev] ${line}`);
const database = await openLocalDatabase({ log });
await seedDemoIfEmpty(database.url, log);

const env = { ...process.env, DATABASE_URL: database.url };
const children = [
  spawn('pnpm', ['exec', 'vite', 'dev'], { cwd: REPO_ROOT, env, stdio: 'inherit' }),
  spawn(process.execPath, ['--watch', 'sync-server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...env, SYNC_PORT: process.env.SYNC_PORT ?? '5174' },
    stdio: 'inherit',
  }),
];
onShutdown(async () => {
  for (const child of children) child.kill('SIGTERM');
  await database.stop();
});
