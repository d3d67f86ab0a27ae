// What an organisation export holds and never holds (EXP12–EXP24), and the zip's layout
// (docs/export-format.md). Pure: db/src/org-export.ts streams the rows these rules name, and
// db/src/org-import.ts restores them.
import { parseDocumentName, type DocumentKindName } from '../documents/names.ts';

export const ORG_EXPORT_FORMAT = 'threadline-organisation-export';
export const ORG_EXPORT_VERSION = 1;

/**
 * Who asks for the export. `hr-admin`: an HR admin's download from the people pages, bound by
 * what admins may read in the app (ONE4). `operator`: `pnpm export` run by whoever holds the
 * database (a backup or a move to another server), which may keep password hashes.
 */
export type ExportAudience = 'hr-admin' | 'operator';

export interface OrgExportOptions {
  audience: ExportAudience;
  /** ORG18/ONE4: the organisation lets HR read shared 1:1 agendas. */
  hrMayReadAgendas: boolean;
  /** EXP15: an operator's export may keep password hashes, so a restore lets people sign in. */
  includePasswordHashes?: boolean;
}

/**
 * One table of the export, in restore order: every table's references point to tables before it
 * (and, for teams and people, to rows before them in the same table: EXP18).
 */
export interface ExportTable {
  name: string;
  /** Columns never written (EXP14). */
  omit: readonly string[];
  /** Added by a later change and not in every database: left out when it is missing (EXP20). */
  optional?: boolean;
  /** Only in an operator's export: rows per person that no HR admin reads in the app (EXP15). */
  operatorOnly?: boolean;
}

/** EXP13: the organisation's tables, in an order a restore can insert them in. */
const TABLES: readonly ExportTable[] = [
  { name: 'organisations', omit: [] },
  { name: 'teams', omit: [] },
  { name: 'people', omit: ['password_hash'] },
  // CAL76: HR admins see pay.
  { name: 'person_pay', omit: [], optional: true },
  { name: 'notification_mutes', omit: [], optional: true },
  { name: 'cycles', omit: [] },
  { name: 'one_on_one_series', omit: [] },
  { name: 'one_on_one_check_ins', omit: [], optional: true },
  { name: 'skills', omit: [], optional: true },
  // ONE41: a person's gaps and items are their plan's (the person and their manager), not HR's.
  { name: 'skill_gaps', omit: [], optional: true, operatorOnly: true },
  { name: 'calibration_sessions', omit: [] },
  { name: 'calibration_participants', omit: [] },
  { name: 'calibration_population', omit: [] },
  { name: 'calibration_status_changes', omit: [] },
  { name: 'published_ratings', omit: [] },
  { name: 'calibration_proposals', omit: [] },
  { name: 'calibration_cards', omit: [] },
  { name: 'calibration_moves', omit: [] },
  { name: 'goal_analytics', omit: [] },
  { name: 'goal_progress_events', omit: [] },
  { name: 'one_on_one_meeting_analytics', omit: [] },
  { name: 'one_on_one_action_analytics', omit: [] },
  { name: 'development_items', omit: [], optional: true, operatorOnly: true },
];

/**
 * EXP14: tables an export never holds, whatever the audience: sessions and invitations (tokens
 * that sign in), individual moods (ONE6: nobody but the employee and their manager reads one),
 * notifications (each person's own, raised again by the nudge job after a restore), and the 1:1
 * weekly roll-up (ANA31: its moods come from those moods; the restored rows rebuild the rest).
 */
export const NEVER_EXPORTED_TABLES: readonly string[] = [
  'sessions',
  'invitations',
  'one_on_one_mood_analytics',
  'notifications',
  'one_on_one_weeks',
];

/** EXP13, EXP15: the tables, and the columns each leaves out, for this export. */
export function exportTables(options: OrgExportOptions): ExportTable[] {
  const keepHashes = options.audience === 'operator' && options.includePasswordHashes === true;
  return TABLES.filter((table) => options.audience === 'operator' || !table.operatorOnly).map(
    (table) => (table.name === 'people' && keepHashes ? { ...table, omit: [] } : table),
  );
}

/** The kinds of documents an export holds (EXP14, EXP16). */
export function exportedDocumentKinds(options: OrgExportOptions): DocumentKindName[] {
  const kinds: DocumentKindName[] = ['goals', 'calibration', 'calibration-proposals'];
  // ONE4: an HR admin reads shared agendas only while the organisation allows it.
  if (options.audience === 'operator' || options.hrMayReadAgendas) kinds.push('one-on-one');
  // ONE41: an HR admin never opens a development plan; an operator's backup holds them.
  if (options.audience === 'operator') kinds.push('development-plan');
  return kinds;
}

/** EXP14, EXP16: whether a document (by its stored name) goes into the export. Never private
 *  notes (ONE5), never moods (ONE6). */
export function isDocumentExported(name: string, options: OrgExportOptions): boolean {
  const parsed = parseDocumentName(name);
  return parsed !== null && exportedDocumentKinds(options).includes(parsed.kind);
}

/** The zip's entries (docs/export-format.md). */
export const ORG_EXPORT_ENTRIES = {
  manifest: 'manifest.json',
  table: (name: string) => `tables/${name}.jsonl`,
  documentUpdates: 'documents/updates.jsonl',
  documentSnapshots: 'documents/snapshots.jsonl',
} as const;

/** manifest.json: written last, once every count is known; read first by a restore. */
export interface OrgExportManifest {
  format: typeof ORG_EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  audience: ExportAudience;
  organisation: { id: string; name: string; slug: string };
  /** Table name → rows written, in restore order. */
  tables: { name: string; rows: number; omitted: string[] }[];
  documents: { kinds: DocumentKindName[]; documents: number; updates: number; snapshots: number };
}

/** One row of documents/updates.jsonl: a logged Yjs update as the log holds it (SYNC7). */
export interface ExportedUpdate {
  document: string;
  seq: number;
  personId: string | null;
  /** The time the server received it, as PostgreSQL wrote it (microseconds kept). */
  receivedAt: string;
  /** The Yjs update's bytes, base64. */
  update: string;
}

/** One row of documents/snapshots.jsonl: a compaction of the log up to `uptoSeq` (SYNC9). */
export interface ExportedSnapshot {
  document: string;
  uptoSeq: number;
  uptoReceivedAt: string;
  createdAt: string;
  /** The Yjs state's bytes, base64. */
  state: string;
}

export type ManifestProblem =
  { kind: 'format' } | { kind: 'version'; version: unknown } | { kind: 'table'; name: string };

/** EXP21: a restore reads only this format's version, and only tables it knows. */
export function checkManifest(value: unknown): ManifestProblem | null {
  const manifest = value as Partial<OrgExportManifest> | null;
  if (!manifest || manifest.format !== ORG_EXPORT_FORMAT) return { kind: 'format' };
  if (manifest.version !== ORG_EXPORT_VERSION)
    return { kind: 'version', version: manifest.version };
  const known = new Set(TABLES.map((table) => table.name));
  for (const table of manifest.tables ?? []) {
    if (!known.has(table.name)) return { kind: 'table', name: table.name };
  }
  if (!Array.isArray(manifest.tables) || !manifest.organisation) return { kind: 'format' };
  return null;
}

/** The file name a download suggests: `<slug>-export-<YYYY-MM-DD>.zip`. */
export function orgExportFileName(slug: string, at: Date): string {
  return `${slug}-export-${at.toISOString().slice(0, 10)}.zip`;
}
