// The web server's structured log: pino, one JSON line per event, as the sync server logs
// (sync-server/src/main.ts), so both servers' lines can be read and searched together. Each
// request logs through a child carrying its id (hooks.server.ts).
import { env } from '$env/dynamic/private';
import { pino, type DestinationStream, type Logger } from 'pino';

export function createLog(destination?: DestinationStream): Logger {
  return pino({ level: env.LOG_LEVEL ?? 'info', base: { service: 'web' } }, destination);
}

let log: Logger | undefined;

/** The process's log, made on first use (the environment is only known once the server runs). */
export function serverLog(): Logger {
  return (log ??= createLog());
}
