// The organisation export (EXP12–EXP20): a zip written as a stream — every table's rows read
// through a cursor in one read-only snapshot of the database and written as JSON lines while
// they are read, then the documents' logs row by row — so nothing is held whole in memory
// (docs/export-format.md). What goes in is the domain's (domain/src/exports/org-format.ts).
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import type { QueryResultRow } from 'pg';
import yazl from 'yazl';
import { isUuid } from '@threadline/domain/ids';
import {
  ORG_EXPORT_ENTRIES,
  ORG_EXPORT_FORMAT,
  ORG_EXPORT_VERSION,
  exportTables,
  exportedDocumentKinds,
  type ExportAudience,
  type ExportTable,
  type ExportedSnapshot,
  type ExportedUpdate,
  type OrgExportManifest,
} from '@threadline/domain/exports/org-format';
import type { Pool, PoolClient, Queryable } from './connection.ts';

export interface ExportedOrganisation {
  id: string;
  name: string;
  slug: string;
  hrMayReadAgendas: boolean;
}

export async function organisationForExport(
  db: Queryable,
  by: { id: string } | { slug: string },
): Promise<ExportedOrganisation | null> {
  const [column, value] = 'id' in by ? ['id', by.id] : ['slug', by.slug];
  if (column === 'id' && !isUuid(value)) return null;
  const { rows } = await db.query<ExportedOrganisation>(
    `SELECT id, name, slug, hr_may_read_one_on_ones AS "hrMayReadAgendas"
       FROM organisations WHERE ${column === 'id' ? 'id' : 'slug'} = $1`,
    [value],
  );
  return rows[0] ?? null;
}

export interface OrgExportProgress {
  entry: string;
  rows: number;
}

export interface OrgExportRequest {
  organisationId: string;
  audience: ExportAudience;
  includePasswordHashes?: boolean;
  /** Called after each batch of rows written. */
  onProgress?: (progress: OrgExportProgress) => void;
  /** Rows per FETCH of a table (documents take fewer: their rows can be megabytes). */
  batchRows?: number;
}

const TABLE_BATCH = 1000;
const DOCUMENT_BATCH = 8;

/** Names are the domain's constants; checked anyway before they go into SQL. */
function identifier(name: string): string {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`Not a table or column name: ${name}`);
  return name;
}

/** The SELECT of one table's rows as JSON lines, scoped to the organisation (EXP13, EXP18). */
function tableQuery(table: ExportTable, organisationId: string): string {
  const name = identifier(table.name);
  const omit = `ARRAY[${table.omit.map((column) => `'${identifier(column)}'`).join(',')}]::text[]`;
  const line = `(to_jsonb(t) - ${omit})::text AS line`;
  const org = `'${organisationId}'::uuid`;
  if (name === 'organisations') return `SELECT ${line} FROM organisations t WHERE id = ${org}`;
  // Teams and people refer to rows of their own table: parents and managers come first (EXP18).
  if (name === 'teams' || name === 'people') {
    const parent = name === 'teams' ? 'parent_id' : 'manager_id';
    return `WITH RECURSIVE chain (id, depth) AS (
              SELECT id, 0 FROM ${name} WHERE organisation_id = ${org} AND ${parent} IS NULL
              UNION ALL
              SELECT c.id, chain.depth + 1 FROM ${name} c JOIN chain ON c.${parent} = chain.id
               WHERE c.organisation_id = ${org})
            SELECT ${line} FROM ${name} t LEFT JOIN chain USING (id)
             WHERE t.organisation_id = ${org}
             ORDER BY chain.depth NULLS LAST, t.id`;
  }
  return `SELECT ${line} FROM ${name} t WHERE organisation_id = ${org}`;
}

/** Reads a query through a cursor, `batch` rows at a time. */
async function* cursorRows<Row extends QueryResultRow>(
  client: PoolClient,
  sql: string,
  batch: number,
): AsyncGenerator<Row[]> {
  await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`);
  try {
    for (;;) {
      const { rows } = await client.query<Row>(`FETCH ${batch} FROM export_rows`);
      if (rows.length === 0) return;
      yield rows;
    }
  } finally {
    // After a failed FETCH the transaction is aborted and CLOSE fails too: the first error counts.
    await client.query('CLOSE export_rows').catch(() => {});
  }
}

/** One zip entry fed as it is produced, waiting whenever the zip (and what it is piped to) is
 *  behind: the memory held is a buffer's worth, not the entry. */
function entryWriter(zip: yazl.ZipFile, name: string, signal: AbortSignal) {
  const stream = new PassThrough();
  zip.addReadStream(stream, name);
  return {
    async write(chunk: string): Promise<void> {
      if (!stream.write(chunk)) await once(stream, 'drain', { signal });
    },
    end: () => stream.end(),
  };
}

/** Where a query's rows go: the export's transaction, its zip, and who is told of progress. */
interface EntryTarget {
  client: PoolClient;
  zip: yazl.ZipFile;
  signal: AbortSignal;
  onProgress?: (progress: OrgExportProgress) => void;
}

/**
 * One zip entry of JSON lines from a query, read through a cursor `batch` rows at a time and
 * written as it is read (`line` turns a row into its line). Resolves with the rows written.
 */
async function streamEntry<Row extends QueryResultRow>(
  target: EntryTarget,
  entry: string,
  query: { sql: string; batch: number },
  line: (row: Row) => string,
): Promise<number> {
  const writer = entryWriter(target.zip, entry, target.signal);
  let count = 0;
  for await (const rows of cursorRows<Row>(target.client, query.sql, query.batch)) {
    await writer.write(rows.map(line).join('\n') + '\n');
    count += rows.length;
    target.onProgress?.({ entry, rows: count });
  }
  writer.end();
  return count;
}

/**
 * EXP12–EXP20: writes the organisation's export as a zip to `out`, and resolves with its
 * manifest once `out` has taken every byte. Rejects (and stops reading) when `out` fails or is
 * closed early, as a download that is cancelled.
 */
export async function exportOrganisation(
  pool: Pool,
  request: OrgExportRequest,
  out: Writable,
): Promise<OrgExportManifest> {
  const { organisationId, audience } = request;
  if (!isUuid(organisationId)) throw new Error('Not an organisation id.');
  const client = await pool.connect();
  const controller = new AbortController();
  const zip = new yazl.ZipFile();
  const finished = new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      controller.abort(error);
      reject(error);
    };
    out.once('error', fail);
    out.once('close', () => {
      if (!out.writableFinished) fail(new Error('The export was cancelled.'));
    });
    out.once('finish', resolve);
  });
  finished.catch(() => {});
  zip.outputStream.pipe(out);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // A cursor over a large organisation outlives any one statement's deadline.
    await client.query('SET LOCAL statement_timeout = 0');
    const organisation = await organisationForExport(client, { id: organisationId });
    if (!organisation) throw new Error('No such organisation.');
    const options = {
      audience,
      hrMayReadAgendas: organisation.hrMayReadAgendas,
      includePasswordHashes: request.includePasswordHashes,
    };
    const present = await existingTables(client);
    const target: EntryTarget = {
      client,
      zip,
      signal: controller.signal,
      onProgress: request.onProgress,
    };
    const tables: OrgExportManifest['tables'] = [];
    for (const table of exportTables(options)) {
      if (!present.has(table.name)) {
        if (table.optional) continue;
        throw new Error(`The database has no table ${table.name}.`);
      }
      const count = await streamEntry<{ line: string }>(
        target,
        ORG_EXPORT_ENTRIES.table(table.name),
        { sql: tableQuery(table, organisationId), batch: request.batchRows ?? TABLE_BATCH },
        (row) => row.line,
      );
      tables.push({ name: table.name, rows: count, omitted: [...table.omit] });
    }
    const kinds = exportedDocumentKinds(options);
    const documents = await exportDocuments(target, organisationId, kinds);
    const manifest: OrgExportManifest = {
      format: ORG_EXPORT_FORMAT,
      version: ORG_EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      audience,
      organisation: { id: organisation.id, name: organisation.name, slug: organisation.slug },
      tables,
      documents: { kinds, ...documents },
    };
    await client.query('COMMIT');
    zip.addBuffer(
      Buffer.from(JSON.stringify(manifest, null, 2) + '\n'),
      ORG_EXPORT_ENTRIES.manifest,
    );
    zip.end();
    await finished;
    client.release();
    return manifest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
    zip.outputStream.unpipe(out);
    if (!out.destroyed) out.destroy(error as Error);
    throw error;
  }
}

async function existingTables(client: PoolClient): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  return new Set(rows.map((row) => row.name));
}

/**
 * EXP16, EXP17: the documents' logs and snapshots as the database holds them, document by
 * document and row by row, so a restore loads the same bytes (SYNC7, SYNC9).
 */
async function exportDocuments(
  target: EntryTarget,
  organisationId: string,
  kinds: readonly string[],
) {
  const scope = `organisation_id = '${organisationId}'::uuid
     AND split_part(document_name, '/', 1) = ANY(ARRAY[${kinds.map((k) => `'${k.replace(/[^a-z-]/g, '')}'`).join(',')}]::text[])`;
  // The set holds names only (tens of thousands of short strings at most), not documents.
  const documents = new Set<string>();
  const updates = await streamEntry<{
    document_name: string;
    seq: string;
    person_id: string | null;
    received_at: string;
    update: Buffer;
  }>(
    target,
    ORG_EXPORT_ENTRIES.documentUpdates,
    {
      sql: `SELECT document_name, seq, person_id, to_json(received_at) #>> '{}' AS received_at,
                   update
              FROM document_updates WHERE ${scope} ORDER BY document_name, seq`,
      batch: DOCUMENT_BATCH,
    },
    (row) => {
      documents.add(row.document_name);
      return JSON.stringify({
        document: row.document_name,
        seq: Number(row.seq),
        personId: row.person_id,
        receivedAt: row.received_at,
        update: row.update.toString('base64'),
      } satisfies ExportedUpdate);
    },
  );
  const snapshots = await streamEntry<{
    document_name: string;
    upto_seq: string;
    upto_received_at: string;
    created_at: string;
    state: Buffer;
  }>(
    target,
    ORG_EXPORT_ENTRIES.documentSnapshots,
    {
      sql: `SELECT document_name, upto_seq, to_json(upto_received_at) #>> '{}' AS upto_received_at,
                   to_json(created_at) #>> '{}' AS created_at, state
              FROM document_snapshots WHERE ${scope} ORDER BY document_name, upto_seq`,
      batch: DOCUMENT_BATCH,
    },
    (row) => {
      documents.add(row.document_name);
      return JSON.stringify({
        document: row.document_name,
        uptoSeq: Number(row.upto_seq),
        uptoReceivedAt: row.upto_received_at,
        createdAt: row.created_at,
        state: row.state.toString('base64'),
      } satisfies ExportedSnapshot);
    },
  );
  return { documents: documents.size, updates, snapshots };
}
