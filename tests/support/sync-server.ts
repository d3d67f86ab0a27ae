// One way for the integration and contract tests to run a real sync server: on port 0 of
// 127.0.0.1, over the file's own test database, silent unless told otherwise, closed when the
// file's tests (or, for one started inside a test, that test) end.
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { pino } from 'pino';
import {
  startSyncServer,
  type RunningSyncServer,
  type SyncServerOptions,
} from '@threadline/sync-server/server';
import { useTestDatabase, type TestDatabase } from './test-database.ts';

/** Everything but the database, which the helpers supply. */
export type TestServerOptions = Partial<Omit<SyncServerOptions, 'db'>>;

export const silentLog = pino({ level: 'silent' });

/** A sync server over `db`, with the tests' defaults under `options`. */
export function startTestSyncServer(
  db: TestDatabase,
  options: TestServerOptions = {},
): Promise<RunningSyncServer> {
  return startSyncServer({
    log: silentLog,
    port: 0,
    hostname: '127.0.0.1',
    ...options,
    db: db.pool,
  });
}

/** A sync server started inside one test, closed when that test ends. */
export async function startSyncServerForTest(
  db: TestDatabase,
  options: TestServerOptions = {},
): Promise<RunningSyncServer> {
  const server = await startTestSyncServer(db, options);
  onTestFinished(() => server.close());
  return server;
}

export interface SyncServerUnderTest {
  readonly db: TestDatabase;
  readonly server: RunningSyncServer;
  readonly port: number;
}

/**
 * A test database and a sync server over it for the whole file (or the describe block that calls
 * this): started before its first test, closed after its last. `options` may depend on the
 * database (e.g. a storage wrapping it); the product's document kinds run unless `kinds` says
 * otherwise. With `sharing`, the server runs over that one's database instead of a new one: a
 * second node, or the same data served with other options.
 */
export function useSyncServer(
  options: TestServerOptions | ((db: TestDatabase) => TestServerOptions) = {},
  sharing?: Pick<SyncServerUnderTest, 'db'>,
): SyncServerUnderTest {
  let db: TestDatabase | undefined;
  let server: RunningSyncServer | undefined;
  beforeAll(async () => {
    db = sharing ? sharing.db : await useTestDatabase();
    server = await startTestSyncServer(db, typeof options === 'function' ? options(db) : options);
  });
  afterAll(() => server?.close());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the sync server starts in beforeAll');
    return value;
  };
  return {
    get db() {
      return started(db);
    },
    get server() {
      return started(server);
    },
    get port() {
      return started(server).port;
    },
  };
}
