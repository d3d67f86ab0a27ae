// The nudge job's schedule (NUD15), on pg-boss: the cron schedule and the queue live in
// PostgreSQL, so however many sync-server nodes run this, each hour's occurrence becomes one job
// (pg-boss files it under one singleton key) which one node's worker takes (SKIP LOCKED), and a
// node that restarts finds the schedule and any unfinished job where it left them. A node that
// starts also asks for a run, throttled to one per five minutes across nodes, so a fresh database
// or a long stop is caught up at once rather than at the next hour.
//
// Why the sync server and not the web server: ARCHITECTURE.md, "Nudges and notifications".
import type { Pool } from '@threadline/db';
import { runNudges, type NudgeRunResult } from '@threadline/db/notifications-job';
import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';

export const NUDGE_QUEUE = 'threadline-nudges';
/** NUD15: on the hour, UTC. */
export const NUDGE_CRON = '0 * * * *';
const START_THROTTLE_SECONDS = 300;

export interface NudgeScheduleOptions {
  /** The pool the job reads and writes with. */
  db: Pool;
  /** pg-boss opens a small pool of its own (and its schema, `pgboss`, on first start). */
  databaseUrl: string;
  log: Logger;
  /** Called after each run (tests, metrics). */
  onRun?: (result: NudgeRunResult) => void;
  /** How often an idle worker looks for a job, in seconds (pg-boss's default is 2). */
  pollingIntervalSeconds?: number;
}

export interface NudgeSchedule {
  /** Asks for a run now; runs with the same key within `seconds` are one job across nodes. */
  requestRun(key: string, seconds?: number): Promise<string | null>;
  stop(): Promise<void>;
}

export async function startNudgeSchedule(options: NudgeScheduleOptions): Promise<NudgeSchedule> {
  const { db, log } = options;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: 3,
    application_name: 'threadline-nudges',
  });
  boss.on('error', (error) => log.error({ err: error }, 'nudge schedule error'));
  await boss.start();
  await boss.createQueue(NUDGE_QUEUE, {
    retryLimit: 3,
    retryDelay: 60,
    expireInSeconds: 15 * 60,
    deleteAfterSeconds: 7 * 24 * 60 * 60,
  });
  await boss.schedule(NUDGE_QUEUE, NUDGE_CRON, {}, { tz: 'UTC', missed: 'once' });
  await boss.work(
    NUDGE_QUEUE,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
    async (jobs) => {
      for (const job of jobs) {
        const started = Date.now();
        const result = await runNudges(db);
        log.info({ job: job.id, ...result, ms: Date.now() - started }, 'nudges evaluated');
        options.onRun?.(result);
      }
    },
  );
  const requestRun = (key: string, seconds = START_THROTTLE_SECONDS) =>
    boss.send(NUDGE_QUEUE, {}, { singletonKey: key, singletonSeconds: seconds });
  await requestRun('start');
  return {
    requestRun,
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
