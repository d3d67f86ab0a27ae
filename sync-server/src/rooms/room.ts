// One open document: the live Y.Doc and presence (awareness) that all of its connections share.
// Every change enters through a transaction tagged with its origin, and the origin decides what
// is saved and relayed (SYNC6). Acknowledgements go out after each commit (SYNC5).
import * as Y from 'yjs';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import type { Logger } from 'pino';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { encodeMessage, RefusalReason } from '@threadline/domain/protocol/messages';
import type { SyncConfig } from '../config.ts';
import type { SyncMetrics } from '../operations/metrics.ts';
import type { DocumentKey, DocumentStorage } from '../persistence/document-storage.ts';
import { DocumentSaver } from './document-saver.ts';
import type { RoomMember } from './room-member.ts';
import { originOf, policyFor, type TransactionOrigin } from './transaction-origin.ts';

export interface RoomOptions {
  key: DocumentKey;
  storage: DocumentStorage;
  config: SyncConfig;
  metrics: SyncMetrics;
  log: Logger;
  /** The document in memory can no longer be trusted (an update failed half-applied): the
   *  registry must stop handing this room out. */
  onBroken(room: Room): void;
}

interface Change {
  update: Uint8Array;
  origin: TransactionOrigin;
  stateVectorAfter: Uint8Array;
}

export type ApplyResult = { applied: true } | { applied: false; reason: string };

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class Room {
  readonly key: DocumentKey;
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.doc);
  readonly #members = new Map<RoomMember, Set<number>>();
  readonly #saver: DocumentSaver;
  readonly #options: RoomOptions;
  /** Encoded size, estimated: exact at load and at each compaction, plus every saved update. */
  #approximateBytes = 0;
  #savedSinceCompaction = 0;
  #compacting: Promise<void> | undefined;
  #durableStateVector: Uint8Array;
  /** While a client's update is being applied, its changes wait here until Yjs returns. */
  #held: Change[] | undefined;
  #broken = false;
  #destroyed = false;
  #outgoing: { updates: Uint8Array[]; senders: Set<RoomMember | undefined> } | undefined;

  constructor(options: RoomOptions, loaded: readonly Uint8Array[]) {
    this.#options = options;
    this.key = options.key;
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    const fromStorage: TransactionOrigin = { kind: 'storage' };
    this.doc.transact(() => {
      for (const update of loaded) Y.applyUpdate(this.doc, update, fromStorage);
    }, fromStorage);
    this.#approximateBytes = loaded.reduce((sum, update) => sum + update.byteLength, 0);
    this.#durableStateVector = Y.encodeStateVector(this.doc);
    this.#saver = new DocumentSaver({
      key: options.key,
      storage: options.storage,
      retry: options.config.saveRetry,
      metrics: options.metrics,
      log: options.log,
      onSaved: (stateVector, count) => this.#saved(stateVector, count),
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#changed(update, origin));
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) =>
      this.#presenceChanged(change, origin),
    );
  }

  get memberCount(): number {
    return this.#members.size;
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

  abandonUnsaved(): number {
    this.#saver.abandon();
    return this.#saver.unsavedCount;
  }

  /** Starts a member's sync: our state vector (so it sends what we lack), present people, and
   *  the durable state vector (so a client with nothing unsaved shows "saved" at once). */
  join(member: RoomMember) {
    this.#members.set(member, new Set());
    member.send({ type: 'sync-step-1', stateVector: Y.encodeStateVector(this.doc) });
    const present = this.awarenessUpdate();
    if (present) member.send({ type: 'awareness', update: present });
    member.send({ type: 'ack', stateVector: this.#durableStateVector });
  }

  leave(member: RoomMember) {
    const clients = this.#members.get(member);
    this.#members.delete(member);
    if (clients && clients.size > 0) {
      removeAwarenessStates(this.awareness, [...clients], connectionOrigin(member));
    }
  }

  /** Everything the member's state vector lacks (the answer to its sync step 1). */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  /** Applies a client's update, already checked to decode (SYNC14). Refused updates are neither
   *  applied, saved nor relayed (SYNC13). */
  applyUpdate(member: RoomMember, update: Uint8Array): ApplyResult {
    if (this.#broken) return { applied: false, reason: RefusalReason.DocumentReset };
    if (this.#approximateBytes + update.byteLength > this.#options.config.maxDocumentBytes) {
      this.#options.metrics.refusedUpdates.inc({ reason: RefusalReason.DocumentTooLarge });
      return { applied: false, reason: RefusalReason.DocumentTooLarge };
    }
    // Yjs reports a transaction's changes in its `finally`, even when applying threw halfway: an
    // update that decodes but fails to integrate would be saved and relayed in part. So changes
    // are held until applyUpdate returns, and dropped with the whole room if it throws.
    this.#held = [];
    try {
      Y.applyUpdate(this.doc, update, connectionOrigin(member));
    } catch (error) {
      this.#held = undefined;
      this.#break(member);
      throw error;
    }
    const held = this.#held;
    this.#held = undefined;
    for (const change of held) this.#accept(change);
    return { applied: true };
  }

  /** Closes everyone but the sender (whose connection closes itself with 4400) with 4500, so
   *  they reconnect to a room loaded afresh from storage; updates accepted before are still
   *  saved. */
  #break(sender: RoomMember) {
    this.#broken = true;
    this.#options.log.error({ document: this.key.name }, 'an update failed half-applied; reset');
    this.#options.onBroken(this);
    for (const member of [...this.#members.keys()]) {
      if (member !== sender) member.close(CloseCode.ServerError);
    }
  }

  /** Applies a client's presence, already checked to decode (SYNC14). */
  applyAwareness(member: RoomMember, update: Uint8Array) {
    applyAwarenessUpdate(this.awareness, update, connectionOrigin(member));
  }

  /** Every known presence state, or null when nobody has one. */
  awarenessUpdate(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length === 0 ? null : encodeAwarenessUpdate(this.awareness, clients);
  }

  /** Ends every connection (shutdown, reset); the room stays until its updates are saved. */
  closeMembers(code: Parameters<RoomMember['close']>[0]) {
    for (const member of [...this.#members.keys()]) member.close(code);
  }

  destroy() {
    this.#destroyed = true;
    this.awareness.destroy();
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
      encodeMessage({ type: 'sync-update', update }),
      senders.size === 1 ? only : undefined,
    );
  }

  #changed(update: Uint8Array, rawOrigin: unknown) {
    const change = {
      update,
      origin: originOf(rawOrigin),
      stateVectorAfter: Y.encodeStateVector(this.doc),
    };
    if (this.#held) this.#held.push(change);
    else this.#accept(change);
  }

  #accept({ update, origin, stateVectorAfter }: Change) {
    const policy = policyFor(origin);
    if (policy.persist) {
      this.#options.metrics.updates.inc();
      this.#approximateBytes += update.byteLength;
      this.#saver.enqueue(
        {
          personId: origin.kind === 'connection' ? origin.member.personId : null,
          receivedAt: new Date(),
          update,
        },
        stateVectorAfter,
      );
    }
    if (policy.broadcast) {
      this.#relay(update, origin.kind === 'connection' ? origin.member : undefined);
    }
  }

  #saved(stateVector: Uint8Array, count: number) {
    this.#durableStateVector = stateVector;
    const ack = { type: 'ack', stateVector: stateVector } as const;
    for (const member of this.#members.keys()) member.send(ack);
    this.#savedSinceCompaction += count;
    if (this.#savedSinceCompaction >= this.#options.config.compactAfterUpdates) this.compact();
  }

  /** Folds the log into a snapshot in the background (SYNC9), one compaction at a time. */
  compact() {
    if (this.#compacting) return;
    this.#savedSinceCompaction = 0;
    this.#approximateBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
    const { storage, key, log } = this.#options;
    this.#compacting = storage
      .compact(key)
      .then(
        () => {},
        (error: unknown) => log.error({ err: error, document: key.name }, 'compaction failed'),
      )
      .finally(() => (this.#compacting = undefined));
  }

  #presenceChanged({ added, updated, removed }: AwarenessChange, rawOrigin: unknown) {
    const origin = originOf(rawOrigin);
    const sender = origin.kind === 'connection' ? origin.member : undefined;
    const owned = sender && this.#members.get(sender);
    if (owned) {
      for (const client of [...added, ...updated]) owned.add(client);
      for (const client of removed) owned.delete(client);
    }
    const changed = [...added, ...updated, ...removed];
    const update = encodeAwarenessUpdate(this.awareness, changed);
    this.#broadcast(encodeMessage({ type: 'awareness', update }), sender);
  }

  #broadcast(frame: Uint8Array<ArrayBuffer>, except?: RoomMember) {
    for (const member of this.#members.keys()) if (member !== except) member.sendFrame(frame);
  }
}

/** One origin object per member, so Yjs sees the same origin for each of its transactions. */
const origins = new WeakMap<RoomMember, TransactionOrigin>();
function connectionOrigin(member: RoomMember): TransactionOrigin {
  let origin = origins.get(member);
  if (!origin) origins.set(member, (origin = { kind: 'connection', member }));
  return origin;
}
