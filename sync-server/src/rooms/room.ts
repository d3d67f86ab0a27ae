// One open document: the live Y.Doc and presence that all of its connections share. Every change
// enters through a transaction tagged with its origin, and the origin decides what is saved and
// relayed (SYNC6). A client's update is judged before the live document takes it (SYNC17);
// after each commit, acknowledgements go to the connections owed one (SYNC5); committed changes
// are projected (SYNC24) and, with several nodes, announced to the others (SYNC25).
import type { LimitFunction } from 'p-limit';
import * as Y from 'yjs';
import type { Pool } from '@threadline/db';
import type { Logger } from 'pino';
import type { AwarenessEntry } from '@threadline/domain/protocol/awareness';
import { leftPendingSince, pendingBefore } from '@threadline/domain/ydoc/before';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { RefusalReason } from '@threadline/domain/protocol/messages';
import type { StateVector } from '@threadline/domain/protocol/state-vector';
import type { SyncConfig } from '../config.ts';
import type { DocumentKind, Verdict } from '../documents/document-kind.ts';
import { changesNothing, isEmptyFor } from '../documents/no-op-update.ts';
import { UpdateChecker } from '../documents/update-checker.ts';
import type { SyncMetrics } from '../operations/metrics.ts';
import type {
  DocumentKey,
  DocumentStorage,
  LoadedDocument,
} from '../persistence/document-storage.ts';
import { DocumentProjection, type ProjectionTiming } from '../projection/document-projection.ts';
import {
  DocumentUnavailable,
  WHOLE_VIEW,
  type DocumentEffects,
  type ViewPart,
} from '../projection/document-projector.ts';
import { LogPosition } from '../scale-out/log-position.ts';
import type { PeerMessage } from '../scale-out/peer-message.ts';
import { Acknowledgements } from './acknowledgements.ts';
import { DocumentSaver, type SavedBatch } from './document-saver.ts';
import { EncodedState } from './encoded-state.ts';
import { OutgoingFrame } from './outgoing-frame.ts';
import type { RoomMember } from './room-member.ts';
import { RoomPresence, type PresenceChange } from './room-presence.ts';
import { ViewSnapshot } from './view-snapshot.ts';
import {
  connectionOrigin,
  originOf,
  policyFor,
  type TransactionOrigin,
} from './transaction-origin.ts';

/** Scale-out (SYNC25): how a room talks to the same document on other nodes. */
export interface RoomPeers {
  nodeId: string;
  publish(message: PeerMessage): void;
  /** The room saw a sign of a missed message: check the log soon. */
  gap(room: Room): void;
}

export interface RoomOptions {
  key: DocumentKey;
  storage: DocumentStorage;
  config: SyncConfig;
  metrics: SyncMetrics;
  log: Logger;
  /** How updates are checked; without a kind, no update is accepted. */
  kind: DocumentKind | undefined;
  /** Where projections are written (when the kind has a projector). */
  db?: Pool;
  /** Other documents, for a projector's effects on them (ONE20). */
  effects?: DocumentEffects;
  /** The node's projection slots, shared by its documents (SYNC24), and its effects' slots. */
  projectionLimit?: LimitFunction;
  effectsLimit?: LimitFunction;
  peers?: RoomPeers;
  /** The document in memory can no longer be trusted (an update failed half-applied): the
   *  registry must stop handing this room out. */
  onBroken(room: Room): void;
  /** A save failed: the database may be out of reach (the registry has it probed, SYNC30). */
  onSaveFailed?(): void;
}

interface Change {
  update: Uint8Array;
  origin: TransactionOrigin;
  stateVectorAfter: Uint8Array;
}

export type ApplyResult =
  { applied: true } | { applied: false; reason: string; detail?: unknown; recheck?: unknown };

export class Room {
  readonly key: DocumentKey;
  readonly doc = new Y.Doc({ gc: true });
  readonly #presence: RoomPresence;
  readonly #members = new Set<RoomMember>();
  readonly #saver: DocumentSaver;
  readonly #options: RoomOptions;
  readonly #checker: UpdateChecker | undefined;
  readonly #projection: DocumentProjection | undefined;
  /** Which log rows this room holds (SYNC26). */
  readonly logPosition: LogPosition;
  /** Encoded size, estimated: the stored snapshot and updates after it (at load and after each
   *  compaction), plus every update accepted since. */
  #approximateBytes = 0;
  #savedSinceCompaction = 0;
  #compacting: Promise<void> | undefined;
  #durableStateVector: Uint8Array;
  /** The durable state vector as an Ack, encoded once for everyone it goes to. */
  #durableAck: OutgoingFrame;
  readonly #acks: Acknowledgements;
  readonly #encoded: EncodedState;
  readonly #viewSnapshot = new ViewSnapshot(() => this.#projection?.snapshot(WHOLE_VIEW) ?? null);
  /** While a client's update is being applied, its changes wait here until Yjs returns. */
  #held: Change[] | undefined;
  /** Set while an update the checker already applied to its replica reaches the live doc. */
  #applyingChecked = false;
  #broken = false;
  #destroyed = false;
  #outgoing: { updates: Uint8Array[]; senders: Set<RoomMember | undefined> } | undefined;

  constructor(options: RoomOptions, loaded: LoadedDocument) {
    this.#options = options;
    this.key = options.key;
    this.#presence = new RoomPresence(this.doc, options.metrics, (change) =>
      this.#presenceChanged(change),
    );
    const fromStorage: TransactionOrigin = { kind: 'storage' };
    this.doc.transact(() => {
      for (const update of loaded.updates) Y.applyUpdate(this.doc, update, fromStorage);
    }, fromStorage);
    this.#approximateBytes = loaded.updates.reduce((sum, update) => sum + update.byteLength, 0);
    this.#durableStateVector = Y.encodeStateVector(this.doc);
    this.#durableAck = OutgoingFrame.of({ type: 'ack', stateVector: this.#durableStateVector });
    this.#acks = new Acknowledgements(this.#durableStateVector);
    this.#encoded = new EncodedState(this.doc);
    this.logPosition = new LogPosition(loaded);
    const { kind } = options;
    this.#checker = kind && new UpdateChecker(this.doc, kind);
    // A kind judged in place builds its scratch replica only for the updates it keeps for one.
    if (!kind?.inPlace) this.#prepareChecker();
    this.#projection =
      kind?.projector && options.db
        ? new DocumentProjection({
            key: options.key,
            doc: this.doc,
            projector: kind.projector,
            db: options.db,
            timing: withLeastDelay(options.config.projection, kind.projector.leastDelay),
            metrics: options.metrics,
            log: options.log,
            effects: options.effects,
            ...(options.projectionLimit ? { limit: options.projectionLimit } : {}),
            ...(options.effectsLimit ? { effectsLimit: options.effectsLimit } : {}),
          })
        : undefined;
    // Rows may lag the log after a crash between a commit and its projection.
    if (loaded.updates.length > 0) this.#projection?.schedule();
    this.#saver = new DocumentSaver({
      key: options.key,
      storage: options.storage,
      retry: options.config.saveRetry,
      metrics: options.metrics,
      log: options.log,
      onSaved: (saved) => this.#saved(saved),
      onDelayed: (delayed) => this.#saveDelayed(delayed),
      onFailed: () => options.onSaveFailed?.(),
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#changed(update, origin));
  }

  get memberCount(): number {
    return this.#members.size;
  }

  get awareness() {
    return this.#presence.awareness;
  }

  /** True when every accepted update is durable: only then may the room be unloaded (SYNC8). */
  get isSaved(): boolean {
    return this.#saver.isSaved;
  }

  whenSaved(): Promise<void> {
    return this.#saver.whenSaved();
  }

  whenCompacted(): Promise<void> {
    return this.#compacting ?? Promise.resolve();
  }

  /**
   * The document as a client's first view (the goal tree's snapshot), or null (SYNC27). The whole
   * is kept between requests; a person's first screen (GOAL29) is a few hundred goals, written
   * afresh for each.
   */
  viewSnapshot(part: ViewPart = WHOLE_VIEW): string | null {
    if (part.kind === 'whole') return this.#viewSnapshot.current();
    return this.#projection?.snapshot(part) ?? null;
  }

  /** Runs a pending projection now (shutdown, tests). */
  flushProjection(): Promise<void> {
    return this.#projection?.flush() ?? Promise.resolve();
  }

  /** How many accepted updates wait to be saved (/readyz). */
  get unsavedCount(): number {
    return this.#saver.unsavedCount;
  }

  /** Retries a failed save now rather than after its backoff (the database answers again). */
  retrySaveNow() {
    this.#saver.retryNow();
  }

  abandonUnsaved(): number {
    this.#saver.abandon();
    return this.#saver.unsavedCount;
  }

  /** Starts a member's sync: our state vector (so it sends what we lack), present people, and
   *  the durable state vector (so a client with nothing unsaved shows "saved" at once). */
  join(member: RoomMember) {
    this.#members.add(member);
    this.#presence.join(member);
    member.sendFrame(this.#encoded.syncStep1());
    const present = this.#presence.encodeAll();
    if (present) member.send({ type: 'awareness', update: present });
    member.sendFrame(this.#durableAck);
    if (this.#saver.isDelayed) member.send({ type: 'save-status', state: 'delayed' });
  }

  leave(member: RoomMember) {
    this.#members.delete(member);
    this.#acks.leave(member);
    this.#presence.leave(member);
    // The scratch replica stays until the room unloads: rebuilding it costs as much as loading
    // the document, and someone who just left often comes straight back (a network blip).
  }

  /** The answer to a member's sync step 1: everything its state vector (`stateVector`, decoded:
   *  `vector`) lacks, as frames to send in order, sync step 2 last (encoded-state.ts). What it
   *  holds beyond the durable state earns it Acks until it is durable. */
  answerSyncStep1(member: RoomMember, stateVector: Uint8Array, vector: StateVector) {
    this.#acks.claims(member, vector);
    return this.#encoded.syncStep2(stateVector, vector);
  }

  /**
   * Applies a client's update, already checked to decode (SYNC14), if the member may make it:
   * read-only members may not (SYNC19), the document must stay under its size limit (SYNC13),
   * and the kind's validator must accept it (SYNC17). A refused update is neither applied, saved
   * nor relayed. Throws when Yjs cannot apply it (the caller closes the connection).
   */
  applyUpdate(member: RoomMember, update: Uint8Array, actor: unknown): ApplyResult {
    if (this.#broken) return { applied: false, reason: RefusalReason.DocumentReset };
    if (member.mode === 'read-only') {
      // A read-only client still answers our sync step 1; that answer is fine if it is empty.
      return changesNothing(this.doc, update)
        ? { applied: true }
        : { applied: false, reason: RefusalReason.ReadOnly };
    }
    // An update that adds nothing (a joining client's answer to our sync step 1) is not growth:
    // checked before the size limit, so a document already over it can still be opened.
    if (isEmptyFor(this.doc, update)) return { applied: true };
    if (this.#approximateBytes + update.byteLength > this.#options.config.maxDocumentBytes) {
      return { applied: false, reason: RefusalReason.DocumentTooLarge };
    }
    if (!this.#checker) return { applied: false, reason: RefusalReason.Schema, detail: 'no kind' };
    const inPlace = this.#options.kind?.inPlace;
    if (inPlace?.suits(update)) return this.#applyInPlace(member, update, actor, inPlace.validate);
    const verdict = this.#checker.judge(update, actor);
    if (inPlace) this.#checker.discard();
    if (!verdict.ok) {
      if (!inPlace) this.#prepareChecker();
      return {
        applied: false,
        reason: verdict.reason,
        detail: verdict.detail,
        recheck: verdict.recheck,
      };
    }
    // Yjs reports a transaction's changes in its `finally`, even when applying threw halfway: an
    // update that fails to integrate would be saved and relayed in part. The checker's replica
    // took it whole, so this cannot happen; if it still does, the room is dropped.
    this.#held = [];
    this.#applyingChecked = true;
    try {
      Y.applyUpdate(this.doc, update, connectionOrigin(member));
    } catch (error) {
      this.#held = undefined;
      this.#break(member);
      throw error;
    } finally {
      this.#applyingChecked = false;
    }
    const held = this.#held;
    this.#held = undefined;
    for (const change of held) this.#accept(change);
    return { applied: true };
  }

  /**
   * SYNC17 judged in place: the update goes straight into the live document and the kind judges
   * its transaction from inside it; the changes wait in `#held` until the verdict. A refusal
   * drops them (neither saved nor relayed) and resets the room, whose live document now holds
   * what was refused.
   */
  #applyInPlace(
    member: RoomMember,
    update: Uint8Array,
    actor: unknown,
    validate: NonNullable<DocumentKind['inPlace']>['validate'],
  ): ApplyResult {
    const origin = connectionOrigin(member);
    const pending = pendingBefore(this.doc);
    // Unjudged counts as refused: Yjs applies an update in one transaction of its origin, and
    // were that ever not so, nothing would pass unjudged.
    let verdict: Verdict | undefined;
    const judge = (transaction: Y.Transaction) => {
      if ((verdict && !verdict.ok) || transaction.origin !== origin) return;
      try {
        verdict = validate(this.doc, transaction, actor);
      } catch (error) {
        verdict = { ok: false, reason: RefusalReason.Schema, detail: String(error) };
      }
    };
    this.#held = [];
    this.doc.on('afterTransaction', judge);
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (error) {
      this.#held = undefined;
      this.#break(member);
      throw error;
    } finally {
      this.doc.off('afterTransaction', judge);
    }
    const held = this.#held;
    this.#held = undefined;
    verdict ??= { ok: false, reason: RefusalReason.Schema, detail: 'no transaction was judged' };
    if (verdict.ok && leftPendingSince(pending, this.doc)) {
      verdict = { ok: false, reason: 'pending', detail: 'depends on changes the server lacks' };
    }
    if (!verdict.ok) {
      this.#break(member, 'refused');
      return { applied: false, reason: verdict.reason, detail: verdict.detail };
    }
    for (const change of held) this.#accept(change);
    return { applied: true };
  }

  /**
   * Builds the checker's scratch replica in the next turn (after the answers to whoever is
   * joining): it costs about as much as loading the document — seconds for the 5,000-person
   * tree — and built when someone first types, that person's keystroke and everyone else's
   * edits would wait for it.
   */
  #prepareChecker() {
    if (!this.#checker) return;
    setImmediate(() => {
      if (!this.#destroyed && !this.#broken) this.#checker?.prepare();
    });
  }

  /** Closes everyone but the sender (whose connection closes itself, with 4400 or 4409) with
   *  4500, so they reconnect to a room loaded afresh from storage; updates accepted before are
   *  still saved, and projected by the next room (never from this document, which holds what
   *  was not accepted). */
  #break(sender: RoomMember, why: 'failed' | 'refused' = 'failed') {
    this.#broken = true;
    this.#projection?.stop();
    this.#options.metrics.roomResets.inc({ why });
    if (why === 'failed') {
      this.#options.log.error({ document: this.key.name }, 'an update failed half-applied; reset');
    } else {
      this.#options.log.warn(
        { document: this.key.name },
        'refused an update judged in place; reset',
      );
    }
    this.#options.onBroken(this);
    for (const member of [...this.#members]) {
      if (member !== sender) member.close(CloseCode.ServerError);
    }
  }

  /**
   * A change the server makes itself (another document's effect, ONE20): applied to the live
   * document in one transaction on behalf of `personId`, then saved, relayed and projected like an
   * accepted update. Resolves with what `edit` returned once the change is durable.
   */
  async changeAsServer<T>(personId: string | null, edit: (doc: Y.Doc) => T): Promise<T> {
    if (this.#broken || this.#destroyed) throw new DocumentUnavailable('the room is not usable');
    let result!: T;
    const origin: TransactionOrigin = { kind: 'server', personId };
    this.doc.transact(() => {
      result = edit(this.doc);
    }, origin);
    await this.whenSaved();
    return result;
  }

  /** Applies a client's presence, already decoded whole (SYNC14, SYNC20). */
  applyAwareness(member: RoomMember, entries: readonly AwarenessEntry[]) {
    this.#presence.apply(member, entries);
  }

  /** Removes a member's presence (it became read-only, SYNC23). */
  dropPresence(member: RoomMember) {
    this.#presence.drop(member);
  }

  /** Every known presence state, or null when nobody has one. */
  awarenessUpdate(): Uint8Array | null {
    return this.#presence.encodeAll();
  }

  /** Ends every connection (shutdown, reset); the room stays until its updates are saved. */
  closeMembers(code: CloseCode) {
    for (const member of [...this.#members]) member.close(code);
  }

  /** A message from another node about this document (SYNC25). */
  receivePeer(message: PeerMessage) {
    if (this.#destroyed) return;
    const origin: TransactionOrigin = { kind: 'peer', nodeId: message.nodeId };
    if (message.kind === 'awareness') return this.#presence.applyPeer(message.update, origin);
    Y.applyUpdate(this.doc, message.update, origin);
    this.logPosition.hold(message.seqs);
    this.#durable(message.stateVector);
    const pending = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
    if (pending) this.#options.peers?.gap(this);
  }

  /** Rows of the log this node had missed (SYNC26). */
  applyFromLog(updates: readonly Uint8Array[], seqs: readonly number[]) {
    if (this.#destroyed) return;
    const origin: TransactionOrigin = { kind: 'catch-up' };
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update, origin);
    }, origin);
    this.logPosition.hold(seqs);
    this.#durable(null);
  }

  destroy() {
    this.#destroyed = true;
    this.#projection?.stop();
    this.#checker?.discard();
    this.#presence.destroy();
    this.#encoded.changed();
    this.doc.destroy();
  }

  /** Relays updates once per event-loop turn, merged: under load one frame per member carries
   *  many updates, instead of one frame per update per member (fan-out is the server's main
   *  cost). A turn's updates skip their sender when there was only one; with several senders,
   *  each gets its own updates back inside the merge, which Yjs ignores. */
  #relay(update: Uint8Array, sender: RoomMember | undefined) {
    if (!this.#outgoing) {
      this.#outgoing = { updates: [], senders: new Set() };
      setImmediate(() => this.#flushRelay());
    }
    this.#outgoing.updates.push(update);
    this.#outgoing.senders.add(sender);
  }

  #flushRelay() {
    const outgoing = this.#outgoing;
    this.#outgoing = undefined;
    if (!outgoing || this.#destroyed) return;
    const { updates, senders } = outgoing;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const [only] = senders;
    this.#broadcast(
      OutgoingFrame.of({ type: 'sync-update', update }),
      senders.size === 1 ? only : undefined,
    );
  }

  #changed(update: Uint8Array, rawOrigin: unknown) {
    this.#encoded.changed(update);
    this.#viewSnapshot.changed();
    const origin = originOf(rawOrigin);
    // Changes the checker did not see first reach its replica too, so the two stay equal.
    if (!this.#applyingChecked && origin.kind !== 'storage') this.#checker?.mirror(update);
    const change = { update, origin, stateVectorAfter: Y.encodeStateVector(this.doc) };
    if (this.#held) this.#held.push(change);
    else this.#accept(change);
  }

  #accept({ update, origin, stateVectorAfter }: Change) {
    const policy = policyFor(origin);
    if (policy.persist) {
      this.#options.metrics.updates.inc();
      this.#approximateBytes += update.byteLength;
      this.#acks.accepted(origin.kind === 'connection' ? origin.member : undefined);
      this.#saver.enqueue(
        {
          personId:
            origin.kind === 'connection'
              ? origin.member.personId
              : origin.kind === 'server'
                ? (origin.personId ?? null)
                : null,
          receivedAt: new Date(),
          update,
        },
        stateVectorAfter,
      );
    } else if (origin.kind === 'peer' || origin.kind === 'catch-up') {
      // Saved by another node already: durable, so projected like our own commits.
      this.#approximateBytes += update.byteLength;
      this.#projection?.schedule();
    }
    if (policy.broadcast) {
      this.#relay(update, origin.kind === 'connection' ? origin.member : undefined);
    }
  }

  /** Tells every member that saving is held up, or going again, before the Ack that follows a
   *  resumed save (SYNC32). */
  #saveDelayed(delayed: boolean) {
    this.#broadcast(
      OutgoingFrame.of({ type: 'save-status', state: delayed ? 'delayed' : 'resumed' }),
    );
  }

  #saved({ stateVector, updates, seqs }: SavedBatch) {
    this.logPosition.hold(seqs);
    this.#acks.committed(updates.length);
    this.#options.peers?.publish({
      kind: 'saved',
      nodeId: this.#options.peers.nodeId,
      update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
      seqs,
      stateVector,
    });
    this.#durable(stateVector);
    this.#projection?.schedule();
    this.#savedSinceCompaction += updates.length;
    if (this.#savedSinceCompaction >= this.#options.config.compactAfterUpdates) this.compact();
  }

  /**
   * Moves the durable state vector forward and acknowledges it to the members owed an Ack
   * (SYNC5). With nothing of ours unsaved, everything in the document is durable (other nodes'
   * changes arrive committed); otherwise each client's clock takes the greater of what we knew
   * and `committed`.
   */
  #durable(committed: Uint8Array | null) {
    // A broken room's document may hold what was never accepted: it acknowledges nothing more.
    if (this.#destroyed || this.#broken) return;
    let next: Uint8Array;
    if (this.#saver.isSaved) next = Y.encodeStateVector(this.doc);
    else if (committed) next = maxStateVector(this.#durableStateVector, committed);
    else return;
    this.#durableStateVector = next;
    this.#durableAck = OutgoingFrame.of({ type: 'ack', stateVector: next });
    for (const member of this.#acks.advance(next)) member.sendFrame(this.#durableAck);
  }

  /**
   * Folds the log into a snapshot in the background (SYNC9), one compaction at a time. The
   * snapshot's size corrects the size estimate (SYNC13): encoding the live document here instead
   * would stall the event loop for as long as the fold takes on its worker.
   */
  compact() {
    if (this.#compacting) return;
    this.#savedSinceCompaction = 0;
    const bytesAtStart = this.#approximateBytes;
    const { storage, key, log } = this.#options;
    this.#compacting = storage
      .compact(key)
      .then(
        (snapshotBytes) => {
          // The snapshot plus what was accepted since compact() was called. Updates accepted
          // after the call but saved before the compaction read the log count twice (more of
          // them when it waited behind other documents' compactions); those accepted before the
          // call and saved after the read not at all (at most the save queue at the call).
          if (snapshotBytes !== null) {
            this.#approximateBytes = snapshotBytes + (this.#approximateBytes - bytesAtStart);
          }
        },
        (error: unknown) => log.error({ err: error, document: key.name }, 'compaction failed'),
      )
      .finally(() => (this.#compacting = undefined));
  }

  #presenceChanged({ update, origin }: PresenceChange) {
    const sender = origin.kind === 'connection' ? origin.member : undefined;
    this.#broadcast(OutgoingFrame.of({ type: 'awareness', update }), sender);
    // Only presence from our own connections is news to the other nodes.
    const { peers } = this.#options;
    if (peers && sender) peers.publish({ kind: 'awareness', nodeId: peers.nodeId, update });
  }

  #broadcast(frame: OutgoingFrame, except?: RoomMember) {
    for (const member of this.#members) if (member !== except) member.sendFrame(frame);
  }
}

function maxStateVector(a: Uint8Array, b: Uint8Array): Uint8Array {
  const merged = Y.decodeStateVector(a);
  for (const [client, clock] of Y.decodeStateVector(b)) {
    if ((merged.get(client) ?? 0) < clock) merged.set(client, clock);
  }
  return Y.encodeStateVector(merged);
}

/** The server's projection timing, slowed to what the kind allows (`leastDelay`). */
function withLeastDelay(
  timing: ProjectionTiming,
  least: { delayMs: number; maxDelayMs: number } | undefined,
): ProjectionTiming {
  if (!least) return timing;
  return {
    ...timing,
    delayMs: Math.max(timing.delayMs, least.delayMs),
    maxDelayMs: Math.max(timing.maxDelayMs, least.maxDelayMs),
  };
}
