// The projection hook (SYNC24): after a document's changes are committed, its kind's projector
// turns the document into relational rows that the server upserts into analytics tables. The
// turning is pure and lives in `domain/` (e.g. goals/projector.ts); a projector here adds the
// database side: what else the rows need (a cycle's dates) and how they are written.
import type * as Y from 'yjs';
import type { Pool, Queryable } from '@threadline/db';
import type { DocumentKey } from '../persistence/document-storage.ts';

/** One row for one analytics table, identified within its document by `id`. */
export interface ProjectedRow {
  table: string;
  id: string;
  values: Record<string, unknown>;
}

export interface DocumentProjector<Context = unknown> {
  /** Reads what the rows need besides the document. */
  context(db: Queryable, key: DocumentKey): Promise<Context>;
  /** Starts following a loaded document's changes, so each run projects only what they touch. */
  follow(doc: Y.Doc, key: DocumentKey): FollowedDocument<Context>;
  /** Upserts `rows` (only those that changed since the last write), inside a transaction. */
  write(db: Queryable, key: DocumentKey, rows: readonly ProjectedRow[]): Promise<void>;
  /**
   * The least quiet time and the longest wait before a run, for a kind whose rows need not be
   * as fresh as the server's default makes them (the larger of the two applies).
   */
  leastDelay?: { delayMs: number; maxDelayMs: number };
  /**
   * After a run that wrote rows (or projected every row), outside its transaction: what the
   * document's rows ask of other documents (a 1:1's check-ins applied to the goal tree, ONE20).
   * A failure is logged and left for a later run. `run` says what the run wrote, and whether it
   * projected every row (on load, after a failure): a projector with nothing to do for those
   * rows returns without asking the database.
   */
  afterWrite?(
    db: Pool,
    key: DocumentKey,
    effects: DocumentEffects,
    run: { written: readonly ProjectedRow[]; all: boolean },
  ): Promise<void>;
}

/** What a projector may do to other documents: a change through their rooms, as the server. */
export interface DocumentEffects {
  /**
   * Applies `edit` to the live document `key` (loaded on this node if needed, caught up with
   * the log first) in one transaction on behalf of `personId`, and resolves with its result once
   * the change is saved: relayed to the document's members, on every node, and projected like
   * any accepted update. Rejects with `DocumentUnavailable` when this node cannot take a change
   * of the document just now, whatever the change.
   */
  change<T>(key: DocumentKey, personId: string | null, edit: (doc: Y.Doc) => T): Promise<T>;
}

/**
 * The node cannot serve the document just now, through no fault of what was asked of it: it is
 * shutting down, or the document's room was reset or unloaded a moment ago. The same request
 * later (here, the room loaded afresh, or on another node) may well succeed; a check-in's apply
 * does not count it as a failed attempt (ONE50).
 */
export class DocumentUnavailable extends Error {}

/**
 * Which snapshot a client asks for (SYNC27): the whole document's, or one of the views its kind
 * offers (DocumentKind.snapshotViews, e.g. the goal tree's first screen, GOAL29) as the asking
 * person sees it.
 */
export type ViewPart = { kind: 'whole' } | { kind: 'view'; view: string; personId: string };

export const WHOLE_VIEW: ViewPart = { kind: 'whole' };

/** One loaded document as its projector follows it. */
export interface FollowedDocument<Context = unknown> {
  /**
   * The document as rows, in batches: between two batches the server serves its other rooms (a
   * whole large document is too much work for one turn of the event loop). With `all`, every
   * row; otherwise at least every row that may have changed since the previous call (the rest
   * are as that call left them). Pure in the document: the same content gives the same rows.
   * Every batch is of the document as the call found it; a change made while the batches are
   * taken is for the next call.
   */
  rows(context: Context, all: boolean): Iterable<readonly ProjectedRow[]>;
  /**
   * The document as a client draws it before it has the document itself (SC10), e.g. the goal
   * tree's snapshot (GOAL28), or one of the views its kind offers (the goal tree's first screen,
   * GOAL29); absent for kinds without one. Only views the kind names in `snapshotViews` are asked
   * for.
   */
  snapshot?(part: ViewPart): string;
  /** The document is unloading: stop following it. */
  stop(): void;
}
