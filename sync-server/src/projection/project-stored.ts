// Projects every stored document of an organisation once, as a room does when it loads (SYNC24):
// a seeded organisation's documents are written straight into the log, and nothing opens them
// until someone visits, so without this the analytics tables stay empty until then. The seeds'
// callers (the demo's first start, `pnpm seed`, the end-to-end server) run it after seeding.
import * as Y from 'yjs';
import { inTransaction, type Pool } from '@threadline/db';
import { parseDocumentName } from '@threadline/domain/documents/names';
import { kindOf, type DocumentKinds } from '../documents/document-kind.ts';
import { PRODUCTION_KINDS } from '../documents/production-kinds.ts';
import { PostgresDocumentStorage } from '../persistence/postgres-storage.ts';

/** The most rows one statement writes (as the live projection writes them). */
const ROWS_PER_WRITE = 2_000;
/** Documents projected at once. */
const CONCURRENCY = 4;

export async function projectStoredDocuments(
  pool: Pool,
  organisationId: string,
  kinds: DocumentKinds = PRODUCTION_KINDS,
): Promise<{ documents: number; rows: number }> {
  const { rows: names } = await pool.query<{ document_name: string }>(
    `SELECT DISTINCT document_name FROM document_updates WHERE organisation_id = $1
      ORDER BY document_name`,
    [organisationId],
  );
  const storage = new PostgresDocumentStorage(pool);
  let documents = 0;
  let written = 0;
  const project = async (name: string) => {
    const parsed = parseDocumentName(name);
    const projector = parsed ? kindOf(kinds, parsed)?.projector : undefined;
    if (!projector) return;
    const key = { organisationId, name };
    const doc = new Y.Doc();
    const loaded = await storage.load(key);
    for (const update of loaded.updates) Y.applyUpdate(doc, update);
    const followed = projector.follow(doc, key);
    try {
      const context = await projector.context(pool, key);
      const rows = [...followed.rows(context, true)].flat();
      await inTransaction(pool, async (client) => {
        for (let at = 0; at < rows.length; at += ROWS_PER_WRITE) {
          await projector.write(client, key, rows.slice(at, at + ROWS_PER_WRITE));
        }
      });
      documents += 1;
      written += rows.length;
    } finally {
      followed.stop();
      doc.destroy();
    }
  };
  // A few documents at a time: while one waits on the database another is decoded.
  const queue = names.map((row) => row.document_name);
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) await project(name);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { documents, rows: written };
}
