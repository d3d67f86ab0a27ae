// The organisation export's round trip (EXP13–EXP21): the demo organisation exported as a zip,
// restored into a fresh database, holds the same people, teams, cycles, 1:1 series, calibration
// sessions and their history, and the same goal trees, 1:1 agendas and boards — each document's
// log and encoded state equal byte for byte. Never private notes, moods, sessions or password
// hashes; an HR admin's export leaves shared agendas out unless HR may read them (ONE4).
import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { Pool } from '@threadline/db';
import { exportOrganisation } from '@threadline/db/org-export';
import { importOrganisation, RestoreRefused } from '@threadline/db/org-import';
import { seedDemoOrganisation } from '@threadline/db/seed';
import {
  NEVER_EXPORTED_TABLES,
  exportTables,
  type OrgExportManifest,
} from '@threadline/domain/exports/org-format';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import { useTestDatabase, type TestDatabase } from '../support/test-database.ts';

let source: TestDatabase;
let fresh: TestDatabase;
let organisationId: string;
let folder: string;
let operatorFile: string;
let manifest: OrgExportManifest;

async function exportTo(
  pool: Pool,
  file: string,
  audience: 'operator' | 'hr-admin',
  includePasswordHashes = false,
) {
  return exportOrganisation(
    pool,
    { organisationId, audience, includePasswordHashes },
    createWriteStream(file),
  );
}

/** Every entry of the zip and its text. */
async function zipEntries(file: string): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, z) => (error ? reject(error) : resolve(z))),
  );
  const entries = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
        zip.readEntry();
      });
    });
    zip.once('end', resolve);
    zip.once('error', reject);
    zip.readEntry();
  });
  return entries;
}

async function rowsOf(pool: Pool, sql: string) {
  const { rows } = await pool.query<{ row: unknown }>(sql, [organisationId]);
  return rows.map((r) => r.row);
}

/** Each document of the organisation: its log rows and its state as the server loads it. */
async function documentsOf(pool: Pool) {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT DISTINCT document_name AS name FROM document_updates WHERE organisation_id = $1
      ORDER BY 1`,
    [organisationId],
  );
  const storage = new PostgresDocumentStorage(pool);
  const documents = new Map<string, { log: string[]; state: Uint8Array }>();
  for (const { name } of rows) {
    const key = { organisationId, name };
    const loaded = await storage.load(key);
    const doc = new Y.Doc();
    for (const update of loaded.updates) Y.applyUpdate(doc, update);
    const changes = await storage.changesOf(key);
    documents.set(name, {
      log: changes.map(
        (c) =>
          `${c.seq} ${c.personId} ${c.receivedAt.toISOString()} ${Buffer.from(c.update).toString('base64')}`,
      ),
      state: Y.encodeStateAsUpdate(doc),
    });
    doc.destroy();
  }
  await storage.close();
  return documents;
}

const kindOf = (name: string) => name.split('/')[0];

beforeAll(async () => {
  source = await useTestDatabase();
  fresh = await useTestDatabase();
  ({ organisationId } = await seedDemoOrganisation(source.pool));
  // One goal tree folded into a snapshot, so snapshots travel too (SYNC9).
  const { rows } = await source.pool.query<{ name: string }>(
    `SELECT document_name AS name FROM document_updates
      WHERE organisation_id = $1 AND document_name LIKE 'goals/%' LIMIT 1`,
    [organisationId],
  );
  const storage = new PostgresDocumentStorage(source.pool);
  await storage.compact({ organisationId, name: rows[0]!.name });
  await storage.close();
  folder = await mkdtemp(path.join(tmpdir(), 'threadline-export-'));
  operatorFile = path.join(folder, 'operator.zip');
  manifest = await exportTo(source.pool, operatorFile, 'operator');
  await importOrganisation(fresh.pool, operatorFile);
}, 180_000);

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('an organisation exported and restored into a fresh database', () => {
  it('[EXP18] holds the same people, teams, cycles, series and calibration sessions', async () => {
    const queries = [
      `SELECT to_jsonb(p) - 'password_hash' AS row FROM people p WHERE organisation_id = $1 ORDER BY id`,
      `SELECT to_jsonb(t) AS row FROM teams t WHERE organisation_id = $1 ORDER BY id`,
      `SELECT to_jsonb(c) AS row FROM cycles c WHERE organisation_id = $1 ORDER BY id`,
      `SELECT to_jsonb(o) AS row FROM organisations o WHERE id = $1`,
      `SELECT to_jsonb(s) AS row FROM one_on_one_series s WHERE organisation_id = $1 ORDER BY id`,
      `SELECT to_jsonb(s) AS row FROM calibration_sessions s WHERE organisation_id = $1 ORDER BY id`,
      `SELECT to_jsonb(s) AS row FROM calibration_status_changes s WHERE organisation_id = $1 ORDER BY id`,
      `SELECT to_jsonb(s) AS row FROM calibration_participants s WHERE organisation_id = $1 ORDER BY session_id, person_id`,
      `SELECT to_jsonb(s) AS row FROM development_items s WHERE organisation_id = $1 ORDER BY id`,
      `SELECT to_jsonb(s) AS row FROM person_pay s WHERE organisation_id = $1 ORDER BY person_id`,
      `SELECT to_jsonb(s) AS row FROM calibration_moves s WHERE organisation_id = $1 ORDER BY session_id, move_id`,
      `SELECT to_jsonb(s) AS row FROM published_ratings s WHERE organisation_id = $1 ORDER BY person_id, cycle_id`,
      `SELECT to_jsonb(s) AS row FROM goal_analytics s WHERE organisation_id = $1 ORDER BY cycle_id, goal_id`,
    ];
    for (const [index, sql] of queries.entries()) {
      const before = await rowsOf(source.pool, sql);
      // The projected tables fill once the sync server opens the documents; the rest are seeded.
      if (index < 9) expect(before.length, sql).toBeGreaterThan(0);
      expect(await rowsOf(fresh.pool, sql), sql).toEqual(before);
    }
    expect(manifest.tables.find((t) => t.name === 'people')!.rows).toBe(
      (await rowsOf(source.pool, queries[0]!)).length,
    );
  });

  it('[EXP17] restores goal trees, 1:1 agendas and boards byte for byte: the log and the state', async () => {
    const before = await documentsOf(source.pool);
    const after = await documentsOf(fresh.pool);
    const kept = [...before.keys()].filter((name) =>
      ['goals', 'one-on-one', 'calibration', 'calibration-proposals', 'development-plan'].includes(
        kindOf(name)!,
      ),
    );
    for (const kind of ['goals', 'one-on-one', 'calibration', 'development-plan']) {
      expect(
        kept.some((name) => kindOf(name) === kind),
        kind,
      ).toBe(true);
    }
    expect([...after.keys()].sort()).toEqual(kept.sort());
    for (const name of kept) {
      expect(after.get(name)!.log, name).toEqual(before.get(name)!.log);
      expect(
        Buffer.from(after.get(name)!.state).equals(Buffer.from(before.get(name)!.state)),
        name,
      ).toBe(true);
    }
    const snapshots = `SELECT to_jsonb(s) - 'created_at' AS row FROM document_snapshots s
                        WHERE organisation_id = $1 ORDER BY document_name, upto_seq`;
    const snapshotRows = await rowsOf(source.pool, snapshots);
    expect(snapshotRows.length).toBeGreaterThan(0);
    expect(await rowsOf(fresh.pool, snapshots)).toEqual(snapshotRows);
  });

  it('[EXP14] never holds private notes, moods, sessions, invitations or password hashes', async () => {
    const entries = await zipEntries(operatorFile);
    const names = [...entries.keys()];
    expect(names).toContain('manifest.json');
    expect(
      names.some((n) =>
        /sessions\.jsonl|invitations|mood/.test(n.replace('calibration_sessions', '')),
      ),
    ).toBe(false);
    const documents = entries.get('documents/updates.jsonl')!;
    expect(documents).not.toContain('"private-notes/');
    expect(documents).not.toContain('"one-on-one-mood/');
    expect(entries.get('tables/people.jsonl')).not.toContain('password_hash');
    const { rows } = await fresh.pool.query(
      `SELECT 1 FROM people WHERE organisation_id = $1 AND password_hash IS NOT NULL`,
      [organisationId],
    );
    expect(rows).toHaveLength(0);
  });

  it('[EXP18] refuses to restore an organisation the database already holds, writing nothing', async () => {
    const count = async () =>
      (await fresh.pool.query('SELECT count(*)::int AS n FROM document_updates')).rows[0].n;
    const before = await count();
    await expect(importOrganisation(fresh.pool, operatorFile)).rejects.toBeInstanceOf(
      RestoreRefused,
    );
    expect(await count()).toBe(before);
  });
});

describe('a restore into a database that holds other organisations', () => {
  it('[EXP18] shifts log positions past its own, keeping each document’s bytes and state', async () => {
    const other = await useTestDatabase();
    const { rows } = await other.pool.query<{ id: string }>(
      `INSERT INTO organisations (name, slug) VALUES ('Other', 'other') RETURNING id`,
    );
    await other.pool.query(
      `INSERT INTO document_updates (organisation_id, document_name, received_at, update)
       SELECT $1, 'goals/' || gen_random_uuid(), now(), '\\x00'::bytea FROM generate_series(1, 5)`,
      [rows[0]!.id],
    );
    await importOrganisation(other.pool, operatorFile);
    const before = await documentsOf(source.pool);
    const after = await documentsOf(other.pool);
    expect(after.size).toBeGreaterThan(0);
    const bytes = (log: string[]) => log.map((line) => line.split(' ').slice(1).join(' '));
    for (const [name, restored] of after) {
      expect(bytes(restored.log), name).toEqual(bytes(before.get(name)!.log));
      expect(Buffer.from(restored.state).equals(Buffer.from(before.get(name)!.state)), name).toBe(
        true,
      );
      expect(Number(restored.log[0]!.split(' ')[0])).toBeGreaterThan(5);
    }
  });
});

/** A copy of the export with one entry's text changed. */
async function altered(name: string, change: (text: string) => string): Promise<string> {
  const entries = await zipEntries(operatorFile);
  const zip = new yazl.ZipFile();
  for (const [entry, text] of entries) {
    zip.addBuffer(Buffer.from(entry === name ? change(text) : text), entry);
  }
  zip.end();
  const file = path.join(folder, `altered-${Math.random().toString(36).slice(2)}.zip`);
  await pipeline(zip.outputStream, createWriteStream(file));
  return file;
}

describe('a damaged or foreign file', () => {
  it('[EXP21] refuses an export missing rows its manifest counts, or of another version, writing nothing', async () => {
    const target = await useTestDatabase();
    // The last person: the deepest in the tree, nobody's manager.
    const lostPerson = await altered('tables/people.jsonl', (text) =>
      text.trimEnd().split('\n').slice(0, -1).join('\n'),
    );
    await expect(importOrganisation(target.pool, lostPerson)).rejects.toThrow(/damaged/);
    const newer = await altered('manifest.json', (text) =>
      text.replace('"version": 1', '"version": 2'),
    );
    await expect(importOrganisation(target.pool, newer)).rejects.toThrow(/version/);
    const { rows } = await target.pool.query('SELECT 1 FROM organisations');
    expect(rows).toHaveLength(0);
  });

  it("[EXP21] refuses a row of another organisation than its manifest's, writing nothing", async () => {
    const target = await useTestDatabase();
    const { rows: victims } = await target.pool.query<{ id: string }>(
      `INSERT INTO organisations (name, slug) VALUES ('Victim', 'victim') RETURNING id`,
    );
    const victim = victims[0]!.id;
    // An edited file: its last person moved into the organisation the database already holds.
    const planted = await altered('tables/people.jsonl', (text) => {
      const lines = text.trimEnd().split('\n');
      const last = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
      lines[lines.length - 1] = JSON.stringify({
        ...last,
        organisation_id: victim,
        manager_id: null,
      });
      return lines.join('\n');
    });
    await expect(importOrganisation(target.pool, planted)).rejects.toThrow(/another organisation/);
    const { rows } = await target.pool.query('SELECT 1 FROM people WHERE organisation_id = $1', [
      victim,
    ]);
    expect(rows).toHaveLength(0);
  });
});

describe('every table of the organisation', () => {
  it('[EXP13] [EXP14] is exported, or named as never exported: a new table cannot be forgotten', async () => {
    const { rows } = await source.pool.query<{ name: string }>(
      `SELECT DISTINCT table_name AS name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'organisation_id'
          AND table_name IN (SELECT table_name FROM information_schema.tables
                              WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')`,
    );
    const exported = new Set([
      ...exportTables({ audience: 'operator', hrMayReadAgendas: true }).map((t) => t.name),
      ...NEVER_EXPORTED_TABLES,
      'document_updates',
      'document_snapshots',
    ]);
    expect(rows.map((r) => r.name).filter((name) => !exported.has(name))).toEqual([]);
  });
});

describe('who gets what', () => {
  it('[EXP15] an HR admin’s export leaves shared agendas out while HR may not read them (ONE4)', async () => {
    const file = path.join(folder, 'hr.zip');
    const hr = await exportTo(source.pool, file, 'hr-admin', true);
    expect(hr.documents.kinds).not.toContain('one-on-one');
    const documents = (await zipEntries(file)).get('documents/updates.jsonl')!;
    expect(documents).not.toContain('"one-on-one/');
    expect(documents).not.toContain('"development-plan/');
    expect(documents).toContain('"goals/');
    expect((await zipEntries(file)).get('tables/people.jsonl')).not.toContain('password_hash');

    await source.pool.query(
      'UPDATE organisations SET hr_may_read_one_on_ones = true WHERE id = $1',
      [organisationId],
    );
    try {
      const allowed = await exportTo(source.pool, path.join(folder, 'hr2.zip'), 'hr-admin');
      expect(allowed.documents.kinds).toContain('one-on-one');
    } finally {
      await source.pool.query(
        'UPDATE organisations SET hr_may_read_one_on_ones = false WHERE id = $1',
        [organisationId],
      );
    }
  });

  it('[EXP15] an operator may keep password hashes, so restored people sign in', async () => {
    const file = path.join(folder, 'hashes.zip');
    await exportTo(source.pool, file, 'operator', true);
    expect((await zipEntries(file)).get('tables/people.jsonl')).toContain('password_hash');
  });
});
