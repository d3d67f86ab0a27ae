// What the server knows about each kind of document (goal tree, 1:1 series, …), in one place: who
// may open it and in which mode (SYNC3, SYNC19), which changes to the organisation's records can
// change that (SYNC23), how to check an incoming update before the live document accepts it
// (SYNC17), what the check needs to know about the sender, how the document is projected into
// analytics tables (SYNC24) and which snapshot views a client may ask for (SYNC27). The rules
// themselves live in `domain/`; a kind here wires them to the database. The generic server code
// (rooms, persistence, revocation, routes) knows kinds only through this interface.
import type * as Y from 'yjs';
import type { Logger } from 'pino';
import type { Pool, Queryable, SessionPerson } from '@threadline/db';
import type { DocumentKindName, DocumentNameOf } from '@threadline/domain/documents/names';
import type { CloseCode } from '@threadline/domain/protocol/close-codes';
import type { AccessMode } from '@threadline/domain/protocol/messages';
import type { DocumentEffects, DocumentProjector } from '../projection/document-projector.ts';
import type { RecordsNotice } from '../revocation/access-notice.ts';
import type { DocumentKey } from '../persistence/document-storage.ts';

export type Verdict =
  | { ok: true }
  /**
   * `reason` is sent to the client (RefusalReason); `detail` only goes to the log. With
   * `recheck`, the validator could not tell from what the actor knows (a goal newer than the
   * projection the actor was read from, ONE52): the server loads the actor again with `recheck`
   * as its hint (`ActorContext`) and judges the update once more before refusing it.
   */
  | { ok: false; reason: string; detail?: unknown; recheck?: unknown };

/** What loading an actor may use besides the database. */
export interface ActorContext {
  /** The refused verdict's `recheck`, when the actor is loaded again to judge an update anew. */
  hint?: unknown;
  /** Reads another document as this node holds it live (loaded if need be, caught up with the
   *  log): the authority where the database's projection of it lags. */
  read<T>(key: DocumentKey, read: (doc: Y.Doc) => T): Promise<T>;
}

export type AccessDecision =
  | {
      granted: true;
      /** The organisation whose log holds the document. */
      organisationId: string;
      mode: AccessMode;
    }
  | { granted: false; code: typeof CloseCode.Forbidden | typeof CloseCode.UnknownDocument };

/**
 * One kind of document. Written with method syntax on purpose: a kind is registered under its
 * name and only ever called with names and actors of its own, so the registry can hold kinds of
 * different actor types side by side (methods are checked bivariantly).
 */
export interface DocumentKind<Name extends DocumentKindName = DocumentKindName, Actor = unknown> {
  /**
   * Whether `person` may open `document`, and to write or only to read (SYNC3, SYNC19). Asked when
   * a connection opens, again whenever the database says access may have changed (SYNC23), and
   * by the web app's pages that show the document's history, so that no page shows a document
   * its socket would refuse.
   */
  access(
    db: Queryable,
    person: SessionPerson,
    document: DocumentNameOf<Name>,
  ): Promise<AccessDecision>;
  /**
   * Whether a change to the organisation's records (beyond sessions and people, which concern
   * every connection of the people they name) may change access to `document` (SYNC23). Absent:
   * none does.
   */
  affectedBy?(notice: RecordsNotice, document: DocumentNameOf<Name>): boolean;
  /** What the validator needs to know about a person writing to `document` (whose goals they
   *  may edit; which of a 1:1's two members they are). Loaded once per person and document on a
   *  node and cached until the organisation's people change (SYNC21). */
  loadActor(
    db: Queryable,
    person: SessionPerson,
    document: DocumentNameOf<Name>,
    context: ActorContext,
  ): Promise<Actor>;
  /** How long a loaded actor is used before it is loaded again, when it holds more than the
   *  organisation's people (a 1:1 agenda's actor holds the employee's goals, ONE19). Absent: until
   *  the people change. */
  actorMaxAgeMs?: number;
  /**
   * Applies `update` to `scratch`, a replica equal to `live` until now, and judges the result.
   * Must never change `live`. Every kind validates (SYNC17): a kind that accepts anything says so
   * in its own validator (`free-form.ts`, for transport tests and benchmarks only).
   */
  validate(live: Y.Doc, scratch: Y.Doc, update: Uint8Array, actor: Actor): Verdict;
  /**
   * SYNC17 judged in place: for an update `suits` accepts, the room applies it to the live
   * document at once and `validate` judges the transaction from inside it (its values before are
   * read from what it deleted, `domain/src/ydoc/before.ts`): one apply of each update instead of
   * two, and no scratch replica held beside the live document. A refusal leaves the refused
   * change in the live document, so the room is then reset from the log and its other members
   * reconnect: for kinds written often and refused rarely. The rest take `validate`'s scratch
   * replica, built for the one update and dropped after it.
   */
  inPlace?: {
    suits(update: Uint8Array): boolean;
    validate(doc: Y.Doc, transaction: Y.Transaction, actor: Actor): Verdict;
  };
  projector?: DocumentProjector;
  /**
   * Documents of this kind that have updates in the log but no analytics rows yet (a database
   * seeded while no server ran): the server loads each once when it starts, so their rows exist
   * before anyone opens them (a 1:1's Track section reads the goal tree's rows, ONE21).
   */
  unprojected?(db: Queryable): Promise<DocumentKey[]>;
  /**
   * Work the kind's documents left pending elsewhere — a 1:1's check-ins not yet applied to
   * their goals because a node died or an apply failed (ONE50) — done now; every node runs it
   * periodically, so it must be safe on several nodes at once. Resolves with how much it did.
   */
  sweep?(db: Pool, effects: DocumentEffects, log: Logger): Promise<number>;
  /**
   * The snapshot views a client may ask for (`GET /snapshot/<name>?part=`, SYNC27) besides the
   * whole document's, which every kind with a snapshot has; the projector's followed document
   * writes them.
   */
  snapshotViews?: readonly string[];
}

/** The kinds a server serves, by name; a name without a kind is closed with 4404. */
export type DocumentKinds = { readonly [Name in DocumentKindName]?: DocumentKind<Name> };

/** The kind registered for `document`'s kind name, typed by that name. */
export function kindOf<Name extends DocumentKindName>(
  kinds: DocumentKinds,
  document: DocumentNameOf<Name>,
): DocumentKind<Name> | undefined {
  return kinds[document.kind];
}
