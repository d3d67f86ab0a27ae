// A projection run of a large document leaves the event loop between its batches, and writes its
// rows in statements of a bounded size (SYNC24): the whole 5,000-person tree held the loop for
// 0.5-0.6 s when projected at once (tests/bench/projection-stall.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import * as Y from 'yjs';
import { createSyncMetrics } from '@threadline/sync-server/operations/metrics';
import { DocumentProjection } from '@threadline/sync-server/projection/document-projection';
import type {
  DocumentProjector,
  ProjectedRow,
} from '@threadline/sync-server/projection/document-projector';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

const rowsOf = (from: number, count: number): ProjectedRow[] =>
  Array.from({ length: count }, (_, i) => ({
    table: 'rows',
    id: String(from + i),
    values: { n: from + i },
  }));

describe('projection runs in batches', () => {
  it('[SYNC24] serves other work between batches and writes at most 2,000 rows per statement', async () => {
    let served = false;
    const servedBeforeBatch: boolean[] = [];
    const written: number[] = [];
    const projector: DocumentProjector<null> = {
      context: async () => null,
      follow: () => ({
        *rows() {
          for (const from of [0, 1500, 3000]) {
            servedBeforeBatch.push(served);
            yield rowsOf(from, 1500);
          }
        },
        stop: () => {},
      }),
      async write(client, _key, rows) {
        await client.query('SELECT 1');
        written.push(rows.length);
      },
    };
    const projection = new DocumentProjection({
      key: { organisationId: '00000000-0000-4000-8000-000000000000', name: 'goals/batches' },
      doc: new Y.Doc(),
      projector,
      db: db.pool,
      timing: {
        delayMs: 0,
        maxDelayMs: 0,
        allEveryMs: 3_600_000,
        retry: { initialMs: 10, maxMs: 10 },
      },
      metrics: createSyncMetrics(),
      log: pino({ level: 'silent' }),
    });
    projection.schedule();
    setImmediate(() => (served = true));
    await projection.flush();
    projection.stop();
    // The first batch is taken in the turn the run starts; the work queued meanwhile runs before
    // the next batch.
    expect(servedBeforeBatch).toEqual([false, true, true]);
    expect(written).toEqual([2000, 2000, 500]);
  });
});
