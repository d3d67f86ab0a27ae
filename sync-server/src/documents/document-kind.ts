// What the server knows about each kind of document (goal tree, 1:1 series, …): how to check an
// incoming update before the live document accepts it (SYNC17), what it needs to know about the
// person sending it, and how to project the document into analytics tables (SYNC24). The rules
// themselves live in `domain/`; a kind here only wires them to the database.
import type * as Y from 'yjs';
import type { Queryable, SessionPerson } from '@threadline/db';
import type { DocumentKind as DocumentKindName } from '@threadline/domain/documents/names';
import type { DocumentProjector } from '../projection/document-projector.ts';

export type Verdict =
  | { ok: true }
  /** `reason` is sent to the client (RefusalReason); `detail` only goes to the log. */
  | { ok: false; reason: string; detail?: unknown };

export interface DocumentKind<Actor = unknown> {
  /** What the validator needs to know about a person (e.g. whose goals they may edit). Loaded
   *  once per person and cached until the organisation's people change (SYNC21). */
  loadActor(db: Queryable, person: SessionPerson): Promise<Actor>;
  /**
   * Applies `update` to `scratch`, a replica equal to `live` until now, and judges the result.
   * Must never change `live`. Absent only for free-form documents in transport tests and
   * benchmarks: every real kind validates.
   */
  validate?(live: Y.Doc, scratch: Y.Doc, update: Uint8Array, actor: Actor): Verdict;
  projector?: DocumentProjector;
}

/** The kinds a server serves; a kind without an entry accepts no update at all. */
export type DocumentKinds = Partial<Record<DocumentKindName, DocumentKind<unknown>>>;
