// Entry point: environment → server → listen. On SIGTERM / Ctrl-C it stops accepting, closes
// connections (1012, so providers reconnect), saves every pending update, and only then exits.
import { createPool } from '@threadline/db';
import { pino } from 'pino';
import { readConfigFromEnv } from './config.ts';
import { startNudgeSchedule } from './nudges/nudge-schedule.ts';
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
  databaseUrl,
  log,
  port: Number(process.env.SYNC_PORT ?? 3001),
  hostname: process.env.SYNC_HOST ?? '0.0.0.0',
  config: readConfigFromEnv(process.env),
  redisUrl: process.env.REDIS_URL || undefined,
  redisChannelPrefix: process.env.SYNC_REDIS_PREFIX || undefined,
  processMetrics: true,
  webOrigin: process.env.ORIGIN || undefined,
});
log.info({ port: server.port, nodeId: server.nodeId }, 'sync server listening');
// NUD15: the nudge job runs here (ARCHITECTURE.md says why); NUDGES=off leaves it to other nodes.
// A schedule that cannot start is logged, not fatal: the documents matter more than the nudges.
const nudges =
  process.env.NUDGES === 'off'
    ? null
    : await startNudgeSchedule({ db, databaseUrl, log }).catch((error: unknown) => {
        log.error({ err: error }, 'the nudge schedule did not start');
        return null;
      });
// A database seeded while no server ran has documents without analytics rows (the 1:1s' Track
// reads the goal tree's): project them now, one after another, in the background.
void server.projectMissing().then(
  (loaded) => loaded > 0 && log.info({ loaded }, 'projected documents that had no rows yet'),
  (error: unknown) => log.error({ err: error }, 'projecting documents without rows failed'),
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping: saving every pending update first');
  try {
    await server.close();
    await nudges?.stop();
    await db.end();
    log.info('stopped');
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
