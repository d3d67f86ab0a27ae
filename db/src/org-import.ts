// Restoring an organisation export (EXP18, EXP19, EXP21): the zip's entries read one by one and
// line by line (yauzl), inserted in batches in one transaction, in the order the manifest lists
// the tables; the documents' logs and snapshots as they were, so every document loads the same
// bytes. Into a database that does not hold the organisation yet (a fresh one, or another
// server's): all or nothing.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import {
  ORG_EXPORT_ENTRIES,
  checkManifest,
  type ExportedSnapshot,
  type ExportedUpdate,
  type OrgExportManifest,
} from '@threadline/domain/exports/org-format';
import { inTransaction, type Pool, type PoolClient } from './connection.ts';
import { deferOneOnOneWeeks, refreshOneOnOneWeeks } from './one-on-one-weeks.ts';

export class RestoreRefused extends Error {}

type Zip = yauzl.ZipFile;

function openZip(file: string): Promise<Zip> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

/** Every entry's metadata (not its content), by name. */
function listEntries(zip: Zip): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function openEntry(zip: Zip, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
  );
}

/** The entry's lines, in batches of at most `maxLines` lines or about `maxChars` characters. */
async function* lineBatches(
  zip: Zip,
  entry: yauzl.Entry | undefined,
  maxLines: number,
  maxChars = 8_000_000,
): AsyncGenerator<string[]> {
  if (!entry) return;
  const lines = createInterface({ input: await openEntry(zip, entry), crlfDelay: Infinity });
  let batch: string[] = [];
  let chars = 0;
  for await (const line of lines) {
    if (line.length === 0) continue;
    batch.push(line);
    chars += line.length;
    if (batch.length >= maxLines || chars >= maxChars) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

async function readJson(zip: Zip, entry: yauzl.Entry): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of await openEntry(zip, entry)) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export interface RestoreProgress {
  entry: string;
  rows: number;
}

interface Column {
  name: string;
  identity: boolean;
}

async function columnsOf(client: PoolClient, table: string): Promise<Column[]> {
  const { rows } = await client.query<{ name: string; identity: string }>(
    `SELECT column_name AS name, is_identity AS identity FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => ({ name: row.name, identity: row.identity === 'YES' }));
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Above every id the database holds or has handed out in that identity column. */
async function identityFloor(client: PoolClient, table: string, column: string): Promise<number> {
  const { rows } = await client.query<{ floor: string }>(
    `SELECT GREATEST(
              (SELECT COALESCE(max(${quoted(column)}), 0) FROM ${quoted(table)}),
              (SELECT last_value FROM pg_sequences
                WHERE schemaname || '.' || sequencename
                      = pg_get_serial_sequence($1, $2))) AS floor`,
    [table, column],
  );
  return Number(rows[0]?.floor ?? 0);
}

async function moveIdentityPast(client: PoolClient, table: string, column: string) {
  await client.query(
    `SELECT setval(pg_get_serial_sequence($1, $2),
                   GREATEST((SELECT COALESCE(max(${quoted(column)}), 1) FROM ${quoted(table)}), 1))`,
    [table, column],
  );
}

/**
 * EXP18: restores the export in `file` and resolves with its manifest. Refuses (RestoreRefused,
 * nothing written) an export of another format or version, or one whose organisation, slug or
 * people's emails the database already holds.
 */
export async function importOrganisation(
  pool: Pool,
  file: string,
  onProgress?: (progress: RestoreProgress) => void,
): Promise<OrgExportManifest> {
  const zip = await openZip(file);
  try {
    const entries = await listEntries(zip);
    const manifestEntry = entries.get(ORG_EXPORT_ENTRIES.manifest);
    if (!manifestEntry) throw new RestoreRefused('This file is not an organisation export.');
    const manifest = (await readJson(zip, manifestEntry)) as OrgExportManifest;
    const problem = checkManifest(manifest);
    if (problem) {
      throw new RestoreRefused(
        problem.kind === 'version'
          ? `This export's format version (${String(problem.version)}) is not one this version reads.`
          : problem.kind === 'table'
            ? `This export holds a table this version does not know: ${problem.name}.`
            : 'This file is not an organisation export.',
      );
    }
    await inTransaction(pool, async (client) => {
      await client.query('SET LOCAL statement_timeout = 0');
      await refuseExisting(client, manifest);
      // ANA31: the 1:1 roll-up is rebuilt once from the restored rows, not per batch.
      await deferOneOnOneWeeks(client);
      for (const table of manifest.tables) {
        const rows = await restoreTable(client, zip, entries, table.name, manifest, onProgress);
        if (rows !== table.rows) throw truncated(table.name, rows, table.rows);
      }
      await refreshOneOnOneWeeks(client, manifest.organisation.id);
      const { updates, snapshots } = await restoreDocuments(
        client,
        zip,
        entries,
        manifest.organisation.id,
        onProgress,
      );
      if (updates !== manifest.documents.updates) {
        throw truncated('documents/updates', updates, manifest.documents.updates);
      }
      if (snapshots !== manifest.documents.snapshots) {
        throw truncated('documents/snapshots', snapshots, manifest.documents.snapshots);
      }
    });
    return manifest;
  } finally {
    zip.close();
  }
}

/** EXP21: an entry with fewer (or more) rows than the manifest counted is a damaged file. */
function truncated(entry: string, found: number, expected: number) {
  return new RestoreRefused(
    `The export is damaged: ${entry} holds ${found} rows where its manifest counts ${expected}.`,
  );
}

async function refuseExisting(client: PoolClient, manifest: OrgExportManifest) {
  const { id, slug } = manifest.organisation;
  const { rows } = await client.query('SELECT 1 FROM organisations WHERE id = $1 OR slug = $2', [
    id,
    slug,
  ]);
  if (rows.length > 0) {
    throw new RestoreRefused(
      `This database already holds the organisation "${slug}" (or its id): restore into a fresh database.`,
    );
  }
}

/** Inserts one table's JSON lines, a batch per statement, through jsonb_populate_recordset, so
 *  every value takes its column's own type (timestamps, arrays, numerics, jsonb) exactly. */
async function restoreTable(
  client: PoolClient,
  zip: Zip,
  entries: Map<string, yauzl.Entry>,
  table: string,
  manifest: OrgExportManifest,
  onProgress?: (progress: RestoreProgress) => void,
): Promise<number> {
  const columns = await columnsOf(client, table);
  if (columns.length === 0) {
    throw new RestoreRefused(`This database has no table ${table}: migrate it first.`);
  }
  const known = new Set(columns.map((column) => column.name));
  const identities = columns.filter((column) => column.identity);
  const offsets = new Map<string, number>();
  for (const column of identities) {
    offsets.set(column.name, await identityFloor(client, table, column.name));
  }
  const list = columns.map((column) => quoted(column.name)).join(', ');
  const values = columns
    .map((column) =>
      offsets.has(column.name)
        ? `${quoted(column.name)} + ${offsets.get(column.name)}`
        : quoted(column.name),
    )
    .join(', ');
  const sql = `INSERT INTO ${quoted(table)} (${list})
               ${identities.length > 0 ? 'OVERRIDING SYSTEM VALUE' : ''}
               SELECT ${values} FROM jsonb_populate_recordset(NULL::${quoted(table)}, $1::jsonb)`;
  const entry = ORG_EXPORT_ENTRIES.table(table);
  let rows = 0;
  let checked = false;
  for await (const batch of lineBatches(zip, entries.get(entry), 500)) {
    if (!checked) {
      // A column the export holds and this database lacks would be lost without a word.
      const unknown = Object.keys(JSON.parse(batch[0]!) as object).filter((k) => !known.has(k));
      if (unknown.length > 0) {
        throw new RestoreRefused(
          `${table} has columns this database lacks: ${unknown.join(', ')}.`,
        );
      }
      checked = true;
    }
    const json = `[${batch.join(',')}]`;
    // EXP21: every row is the manifest's organisation's; an edited file cannot add rows (people,
    // admins, pay) to another organisation the database holds.
    const owner =
      table === 'organisations' ? 'id' : known.has('organisation_id') ? 'organisation_id' : null;
    if (owner !== null) {
      const { rows: foreign } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM jsonb_populate_recordset(NULL::${quoted(table)}, $1::jsonb) r
          WHERE r.${quoted(owner)} IS DISTINCT FROM $2::uuid`,
        [json, manifest.organisation.id],
      );
      if (foreign[0]!.n > 0) {
        throw new RestoreRefused(
          `The export is damaged: ${table} holds rows of another organisation than its manifest's.`,
        );
      }
    }
    await client.query(sql, [json]);
    rows += batch.length;
    onProgress?.({ entry, rows });
  }
  for (const column of identities) await moveIdentityPast(client, table, column.name);
  return rows;
}

/**
 * EXP17, EXP18: the documents' logs and snapshots, bytes as they were. Log positions (seq) keep
 * their order and distances: a database that already holds other organisations' logs gets them
 * shifted past its own, and each snapshot's `upto_seq` shifted with them.
 */
async function restoreDocuments(
  client: PoolClient,
  zip: Zip,
  entries: Map<string, yauzl.Entry>,
  organisationId: string,
  onProgress?: (progress: RestoreProgress) => void,
): Promise<{ updates: number; snapshots: number }> {
  const offset = await identityFloor(client, 'document_updates', 'seq');
  let rows = 0;
  for await (const batch of lineBatches(zip, entries.get(ORG_EXPORT_ENTRIES.documentUpdates), 64)) {
    const lines = batch.map((line) => JSON.parse(line) as ExportedUpdate);
    await client.query(
      `INSERT INTO document_updates
         (seq, organisation_id, document_name, person_id, received_at, update)
       OVERRIDING SYSTEM VALUE
       SELECT seq + $2, $1, name, person, received, bytes
         FROM unnest($3::bigint[], $4::text[], $5::uuid[], $6::timestamptz[], $7::bytea[])
              AS u (seq, name, person, received, bytes)`,
      [
        organisationId,
        offset,
        lines.map((l) => l.seq),
        lines.map((l) => l.document),
        lines.map((l) => l.personId),
        lines.map((l) => l.receivedAt),
        lines.map((l) => Buffer.from(l.update, 'base64')),
      ],
    );
    rows += lines.length;
    onProgress?.({ entry: ORG_EXPORT_ENTRIES.documentUpdates, rows });
  }
  await moveIdentityPast(client, 'document_updates', 'seq');
  const updates = rows;
  rows = 0;
  for await (const batch of lineBatches(
    zip,
    entries.get(ORG_EXPORT_ENTRIES.documentSnapshots),
    16,
  )) {
    const lines = batch.map((line) => JSON.parse(line) as ExportedSnapshot);
    await client.query(
      `INSERT INTO document_snapshots
         (organisation_id, document_name, upto_seq, upto_received_at, created_at, state)
       SELECT $1, name, upto + $2, upto_at, created, bytes
         FROM unnest($3::text[], $4::bigint[], $5::timestamptz[], $6::timestamptz[], $7::bytea[])
              AS s (name, upto, upto_at, created, bytes)`,
      [
        organisationId,
        offset,
        lines.map((l) => l.document),
        lines.map((l) => l.uptoSeq),
        lines.map((l) => l.uptoReceivedAt),
        lines.map((l) => l.createdAt),
        lines.map((l) => Buffer.from(l.state, 'base64')),
      ],
    );
    rows += lines.length;
    onProgress?.({ entry: ORG_EXPORT_ENTRIES.documentSnapshots, rows });
  }
  return { updates, snapshots: rows };
}
