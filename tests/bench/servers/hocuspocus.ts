// Hocuspocus 4 as its documentation sets it up with a database: the Database extension fetching
// and storing the whole document state in one row per document, in the same Postgres as ours.
// Authentication checks the same session token and cycle (a 1:1 agenda: its series and that the
// person is one of its two members) as ours, two queries per connection.
// Debounce comes from BENCH_DEBOUNCE_MS (Hocuspocus's default is 2000 ms, at most 10 s).
//
// After each store commits, the state vector it covered and the monotonic time are reported to
// the harness (batched, every 50 ms), to measure edit → durable the way ours is measured by acks.
import { Server } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import * as Y from 'yjs';
import { createPool, validateSessionToken } from '@threadline/db';
import { parseDocumentName } from '@threadline/domain/documents/names';

const pool = createPool(process.env.BENCH_DATABASE_URL!, 10);
const debounce = Number(process.env.BENCH_DEBOUNCE_MS ?? 2000);

interface Stored {
  document: string;
  stateVector: string;
  at: string;
}
let stored: Stored[] = [];
setInterval(() => {
  if (stored.length === 0 || !process.send) return;
  process.send({ stored });
  stored = [];
}, 50).unref();

const server = new Server({
  port: Number(process.env.BENCH_PORT),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  debounce,
  async onAuthenticate({ token, documentName }) {
    const session = await validateSessionToken(pool, token);
    if (!session) throw new Error('unauthorized');
    const name = parseDocumentName(documentName);
    // The same one-row check ours makes for the kinds the workloads open (goal trees, 1:1
    // agendas for their members, calibration boards), so both servers do comparable work per
    // connection.
    const { organisationId, id: personId } = session.person;
    let check: [string, unknown[]];
    if (name?.kind === 'goals') {
      check = ['SELECT 1 FROM cycles WHERE organisation_id = $1 AND id = $2', [name.cycleId]];
    } else if (name?.kind === 'one-on-one') {
      check = [
        `SELECT 1 FROM one_on_one_series
          WHERE organisation_id = $1 AND id = $2 AND $3 IN (manager_id, employee_id)
            AND ended_at IS NULL`,
        [name.seriesId, personId],
      ];
    } else if (name?.kind === 'calibration') {
      check = [
        'SELECT 1 FROM calibration_sessions WHERE organisation_id = $1 AND id = $2',
        [name.sessionId],
      ];
    } else throw new Error('unknown document');
    const { rowCount } = await pool.query(check[0], [organisationId, ...check[1]]);
    if (!rowCount) throw new Error('forbidden');
  },
  extensions: [
    new Database({
      async fetch({ documentName }) {
        const { rows } = await pool.query<{ data: Buffer }>(
          `SELECT data FROM bench_hocuspocus_documents WHERE name = $1`,
          [documentName],
        );
        return rows[0] ? new Uint8Array(rows[0].data) : null;
      },
      async store({ documentName, state, document }) {
        const stateVector = Y.encodeStateVector(document);
        await pool.query(
          `INSERT INTO bench_hocuspocus_documents (name, data) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data`,
          [documentName, state],
        );
        stored.push({
          document: documentName,
          stateVector: Buffer.from(stateVector).toString('base64'),
          at: process.hrtime.bigint().toString(),
        });
      },
    }),
  ],
});
await server.listen();
process.on('SIGTERM', async () => {
  await server.destroy();
  await pool.end();
  process.exit(0);
});
