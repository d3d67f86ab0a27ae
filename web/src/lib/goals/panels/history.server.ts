// Server side of the goal history panel and the tree-as-of-a-date view (GOAL24, GOAL25): reads the
// document log through the sync server's Postgres storage (changesOf, documentAt), replays it and
// names the people, teams and goals the entries refer to. Who may read a tree's history is the
// goal tree's own access rule (GOAL24: whoever may open the tree); every query is scoped by the
// asking person's organisation, and a cycle of another organisation is "not found".
import type { Pool, SessionPerson } from '@threadline/db';
import { readableDocument } from '$lib/server/document-access';
import { isUuid } from '@threadline/domain/ids';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import type { DocumentKey } from '@threadline/sync-server/persistence/document-storage';
import {
  REFERENCE_FIELDS,
  replayHistories,
  type HistoryEntry,
  type HistoryField,
  type HistoryValue,
  type ReplayedHistories,
} from './goal-history.ts';

/**
 * The goal tree `document` names, when `person` may open it: the goal tree's access rule, as its
 * socket applies it (anyone active in the cycle's organisation). Null otherwise, and for a
 * document of another kind.
 */
export async function goalTreeOf(
  pool: Pool,
  person: SessionPerson,
  document: string | null,
): Promise<DocumentKey | null> {
  const readable = await readableDocument(pool, person, document);
  return readable?.document.kind === 'goals' ? readable.key : null;
}

interface Cached {
  lastSeq: number;
  replay: Promise<ReplayedHistories>;
}

/**
 * The last replays, by document: a tree of 20,000 goals takes seconds to replay, and people open
 * the history of one goal after another. A replay stays valid while the log has no newer row.
 */
const cache = new Map<string, Cached>();
const CACHED_DOCUMENTS = 2;

async function replayed(pool: Pool, key: DocumentKey): Promise<ReplayedHistories> {
  const storage = new PostgresDocumentStorage(pool);
  const id = `${key.organisationId}/${key.name}`;
  const cached = cache.get(id);
  if (cached && (await storage.seqsAfter(key, cached.lastSeq)).length === 0) {
    return cached.replay;
  }
  const changes = await storage.changesOf(key);
  const entry: Cached = {
    lastSeq: changes.at(-1)?.seq ?? 0,
    replay: Promise.resolve().then(() => replayHistories(changes)),
  };
  cache.delete(id);
  cache.set(id, entry);
  while (cache.size > CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
  entry.replay.catch(() => cache.delete(id));
  return entry.replay;
}

/** GOAL24: one goal's history, newest first, with names for every reference. */
export async function goalHistory(
  pool: Pool,
  key: DocumentKey,
  goalId: string,
): Promise<HistoryEntry[]> {
  const { histories, titles } = await replayed(pool, key);
  const raw = histories.get(goalId) ?? [];
  const personIds = new Set<string>();
  const teamIds = new Set<string>();
  for (const entry of raw) {
    if (entry.byId) personIds.add(entry.byId);
    const kind = REFERENCE_FIELDS[entry.field as keyof typeof REFERENCE_FIELDS];
    for (const value of [entry.from, entry.to]) {
      if (typeof value !== 'string') continue;
      if (kind === 'person') personIds.add(value);
      if (kind === 'team') teamIds.add(value);
    }
  }
  const people = await namesOf(pool, 'people', key.organisationId, personIds);
  const teams = await namesOf(pool, 'teams', key.organisationId, teamIds);
  const nameOf = (field: HistoryField, value: HistoryValue): HistoryValue => {
    const kind = REFERENCE_FIELDS[field as keyof typeof REFERENCE_FIELDS];
    if (typeof value !== 'string' || kind === undefined) return value;
    const names = kind === 'person' ? people : kind === 'team' ? teams : titles;
    return (
      names.get(value) ?? (kind === 'goal' ? 'a goal no longer in the tree' : 'someone who left')
    );
  };
  return raw
    .map((entry): HistoryEntry => ({
      at: entry.at,
      by:
        entry.byId === null
          ? null
          : { id: entry.byId, name: people.get(entry.byId) ?? 'Someone who left' },
      field: entry.field,
      from: nameOf(entry.field, entry.from),
      to: nameOf(entry.field, entry.to),
      ...(entry.detail === undefined ? {} : { detail: entry.detail }),
      ...(entry.oneOnOne === undefined ? {} : { oneOnOne: entry.oneOnOne }),
    }))
    .reverse();
}

async function namesOf(
  pool: Pool,
  table: 'people' | 'teams',
  organisationId: string,
  ids: ReadonlySet<string>,
): Promise<Map<string, string>> {
  if (ids.size === 0) return new Map();
  // The table name is one of two constants, never input.
  const { rows } = await pool.query<{ id: string; name: string }>(
    `SELECT id, name FROM ${table} WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
    [organisationId, [...ids].filter(isUuid)],
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** GOAL25: the whole document as it was at `at`, one Yjs update; null when it did not exist yet. */
export function treeAt(pool: Pool, key: DocumentKey, at: Date): Promise<Uint8Array | null> {
  return new PostgresDocumentStorage(pool).documentAt(key, at);
}
