// Entry point: environment → server → listen; stops cleanly on SIGTERM / Ctrl-C.
import { createPool } from '@threadline/db';
import { pino } from 'pino';
import { startSyncServer } from './server.ts';

const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'sync' } });
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  log.fatal('DATABASE_URL is not set: start the product with `pnpm start`.');
  process.exit(1);
}

const db = createPool(databaseUrl);
const server = await startSyncServer({
  db,
  log,
  port: Number(process.env.SYNC_PORT ?? 3001),
  hostname: process.env.SYNC_HOST ?? '0.0.0.0',
});
log.info({ port: server.port }, 'sync server listening');

async function shutdown(signal: string) {
  log.info({ signal }, 'stopping');
  await server.close();
  await db.end();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
