// The rooms this node has loaded: at most one per document, shared by all of its connections.
// A room with no connections and nothing unsaved unloads after `idleUnloadMs` and its memory is
// returned; a room with unsaved updates is never unloaded (SYNC8). Rooms load once even when
// many connections ask at the same moment.
//
// With several nodes (SYNC25, SYNC26) a room subscribes to its document's channel before it
// loads, so nothing committed elsewhere falls between the load and the subscription, and it
// checks the log for rows it missed: periodically, when a message shows a gap, and after the
// connection to the other nodes comes back.
import pLimit, { type LimitFunction } from 'p-limit';
import type * as Y from 'yjs';
import type { Pool } from '@threadline/db';
import type { Logger } from 'pino';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { parseDocumentName } from '@threadline/domain/documents/names';
import type { SyncConfig } from '../config.ts';
import { kindOf, type DocumentKinds } from '../documents/document-kind.ts';
import type { SyncMetrics } from '../operations/metrics.ts';
import type { DatabaseHealth } from '../persistence/database-health.ts';
import type { DocumentKey, DocumentStorage } from '../persistence/document-storage.ts';
import type { Fanout } from '../scale-out/fanout.ts';
import type { PeerMessage } from '../scale-out/peer-message.ts';
import {
  DocumentUnavailable,
  WHOLE_VIEW,
  type DocumentEffects,
  type ViewPart,
} from '../projection/document-projector.ts';
import type { RoomMember } from './room-member.ts';
import { Room, type RoomPeers } from './room.ts';

export interface RoomRegistryOptions {
  storage: DocumentStorage;
  config: SyncConfig;
  metrics: SyncMetrics;
  log: Logger;
  kinds: DocumentKinds;
  /** Where projections are written; without it, documents are not projected. */
  db?: Pool;
  /** Other nodes serving the same documents; absent on a single node. */
  fanout?: Fanout;
  /** Told of failed saves, and tells when the database answers again, so that saves held back
   *  by their backoff are retried at once (SYNC30). */
  health?: DatabaseHealth;
}

const EFFECTS_AT_ONCE = 2;
const CATCH_UPS_AT_ONCE = 2;

const idOf = (key: DocumentKey) => `${key.organisationId}/${key.name}`;

export class RoomRegistry implements DocumentEffects {
  readonly #rooms = new Map<string, Room>();
  readonly #loading = new Map<string, Promise<Room>>();
  readonly #idleTimers = new Map<Room, ReturnType<typeof setTimeout>>();
  readonly #options: RoomRegistryOptions;
  /** At most `projectionConcurrency` of this node's documents project at once (SYNC24). */
  readonly #projectionLimit: LimitFunction;
  /** And at most this many of their projections' effects (ONE20's check-ins applied). */
  readonly #effectsLimit = pLimit(EFFECTS_AT_ONCE);
  /** With other nodes: at most this many rooms look for missed log rows at once (SYNC26), so the
   *  log's few connections stay free for saves. */
  readonly #catchUpLimit = pLimit(CATCH_UPS_AT_ONCE);
  /** Broken rooms still saving what they accepted before they broke. */
  readonly #retired = new Set<Room>();
  /** Peer messages that arrived while their room was loading. */
  readonly #early = new Map<string, PeerMessage[]>();
  readonly #catchingUp = new Map<Room, Promise<void>>();
  readonly #catchUpTimer: ReturnType<typeof setInterval> | undefined;
  #closing = false;

  constructor(options: RoomRegistryOptions) {
    this.#options = options;
    const { fanout, config } = options;
    this.#projectionLimit = pLimit(config.projectionConcurrency);
    if (fanout) {
      this.#catchUpTimer = setInterval(() => this.#catchUpAll(), config.catchUpIntervalMs);
      this.#catchUpTimer.unref?.();
      fanout.onReconnect(() => this.#catchUpAll());
    }
    options.health?.onRecovered(() => {
      for (const room of [...this.#rooms.values(), ...this.#retired]) room.retrySaveNow();
    });
  }

  /** Accepted updates not yet saved, over every room (/readyz). */
  get unsavedCount(): number {
    let unsaved = 0;
    for (const room of [...this.#rooms.values(), ...this.#retired]) unsaved += room.unsavedCount;
    return unsaved;
  }

  /** The loaded rooms (revocation, tests). */
  rooms(): Room[] {
    return [...this.#rooms.values()];
  }

  /** Checks every loaded room against the log now (tests; also after Redis reconnects). */
  catchUpAll(): Promise<void> {
    return this.#catchUpAll();
  }

  /** How many documents are in memory (tests and /metrics). */
  get loadedCount(): number {
    return this.#rooms.size;
  }

  isLoaded(key: DocumentKey): boolean {
    return this.#rooms.has(idOf(key));
  }

  /** Joins the member to the document's room, loading it first if needed. */
  async join(key: DocumentKey, member: RoomMember): Promise<Room> {
    const room = await this.#load(key);
    if (this.#closing) throw new DocumentUnavailable('the sync server is shutting down');
    clearTimeout(this.#idleTimers.get(room));
    this.#idleTimers.delete(room);
    room.join(member);
    return room;
  }

  /**
   * The document's first view for a client that has none (SYNC27), loading the document if
   * needed; a room loaded only for this unloads like one its last member left.
   */
  async viewSnapshot(key: DocumentKey, part: ViewPart = WHOLE_VIEW): Promise<string | null> {
    if (this.#closing) throw new DocumentUnavailable('the sync server is shutting down');
    const room = await this.#load(key);
    return room.viewSnapshot(part);
  }

  /**
   * A change the server makes to a document on its own (DocumentEffects, ONE20): through the
   * document's room, loaded if need be (and unloaded like any idle room after), caught up with
   * the log first when other nodes write to it too, so an edit that looks at what is there sees
   * what they saved.
   */
  async change<T>(key: DocumentKey, personId: string | null, edit: (doc: Y.Doc) => T): Promise<T> {
    if (this.#closing) throw new DocumentUnavailable('the sync server is shutting down');
    const room = await this.#load(key);
    if (this.#options.fanout) await this.#catchUp(room);
    return room.changeAsServer(personId, edit);
  }

  /**
   * Reads a document as this node holds it live (ActorContext.read, ONE52): loaded if need be
   * (and unloaded like any idle room after), caught up with the log first when other nodes write
   * to it too.
   */
  async read<T>(key: DocumentKey, read: (doc: Y.Doc) => T): Promise<T> {
    if (this.#closing) throw new DocumentUnavailable('the sync server is shutting down');
    const room = await this.#load(key);
    if (this.#options.fanout) await this.#catchUp(room);
    return read(room.doc);
  }

  /** Loads a document (which projects it, SYNC24) and lets it unload when idle like any room. */
  async warm(key: DocumentKey): Promise<void> {
    if (this.#closing) return;
    await this.#load(key);
  }

  leave(room: Room, member: RoomMember) {
    room.leave(member);
    if (room.memberCount === 0 && !this.#retired.has(room)) this.#scheduleUnload(room);
  }

  #load(key: DocumentKey): Promise<Room> {
    const id = idOf(key);
    const loaded = this.#rooms.get(id);
    if (loaded) return Promise.resolve(loaded);
    let loading = this.#loading.get(id);
    if (!loading) {
      loading = this.#open(key).finally(() => this.#loading.delete(id));
      this.#loading.set(id, loading);
    }
    return loading;
  }

  async #open(key: DocumentKey): Promise<Room> {
    const id = idOf(key);
    const { fanout, storage, kinds, log } = this.#options;
    if (fanout) {
      this.#early.set(id, []);
      await fanout
        .subscribe(key, (message) => this.#fromPeer(id, message))
        .catch((error: unknown) => {
          // Degraded, not down: the periodic log check still brings other nodes' changes.
          log.error({ err: error, document: key.name }, 'could not subscribe to other nodes');
        });
    }
    try {
      // A room reset after a refusal (SYNC17) or a failed apply may still be saving what it
      // accepted before: loading the log first would leave those updates out of the new room
      // (for good on a single node), and a client holding them would send them back as its own.
      // Waited for at most a while: with the database unreachable the join fails (4500, the
      // client tries again) rather than hang, and never loads a room missing those updates.
      for (const retired of this.#retired) {
        if (idOf(retired.key) === id) await savedWithin(retired, RETIRED_SAVE_WAIT_MS);
      }
      const document = await storage.load(key);
      // The name was parsed when the connection was admitted; a name that does not parse has
      // no kind, and its room accepts no update.
      const name = parseDocumentName(key.name);
      const room = new Room(
        {
          ...this.#options,
          key,
          kind: name ? kindOf(kinds, name) : undefined,
          peers: fanout && this.#peersFor(key),
          effects: this,
          projectionLimit: this.#projectionLimit,
          effectsLimit: this.#effectsLimit,
          onBroken: (broken) => this.#retire(broken),
          onSaveFailed: () => this.#options.health?.suspect(),
        },
        document,
      );
      this.#rooms.set(id, room);
      this.#options.metrics.loadedDocuments.set(this.#rooms.size);
      for (const message of this.#early.get(id) ?? []) room.receivePeer(message);
      // A room nobody joins (the connection left while it loaded) still unloads.
      this.#scheduleUnload(room);
      return room;
    } catch (error) {
      if (fanout && !this.#rooms.has(id)) fanout.unsubscribe(key);
      throw error;
    } finally {
      this.#early.delete(id);
    }
  }

  #fromPeer(id: string, message: PeerMessage) {
    const room = this.#rooms.get(id);
    if (room) room.receivePeer(message);
    else this.#early.get(id)?.push(message);
  }

  #peersFor(key: DocumentKey): RoomPeers {
    const fanout = this.#options.fanout!;
    return {
      nodeId: fanout.nodeId,
      publish: (message) => fanout.publish(key, message),
      gap: (room) => void this.#catchUp(room),
    };
  }

  #catchUpAll(): Promise<void> {
    return Promise.all(
      this.rooms().map((room) => this.#catchUpLimit(() => this.#catchUp(room))),
    ).then(() => {});
  }

  /** Reads the rows of the room's log it does not hold and applies them (SYNC26); one check
   *  per room at a time. */
  #catchUp(room: Room): Promise<void> {
    const running = this.#catchingUp.get(room);
    if (running) return running;
    const { storage, metrics, log, config } = this.#options;
    const check = (async () => {
      const seqs = await storage.seqsAfter(room.key, room.logPosition.baseline);
      const missing = room.logPosition.missing(seqs);
      if (missing.length > 0) {
        const updates = await storage.updatesAt(room.key, missing);
        room.applyFromLog(updates, missing);
        metrics.catchUps.inc(missing.length);
        log.info({ document: room.key.name, rows: missing.length }, 'caught up from the log');
      }
      room.logPosition.settle(seqs, Date.now(), config.logSettleMs);
    })()
      .catch((error: unknown) => {
        log.error({ err: error, document: room.key.name }, 'checking the log failed');
      })
      .finally(() => this.#catchingUp.delete(room));
    this.#catchingUp.set(room, check);
    return check;
  }

  #scheduleUnload(room: Room) {
    if (this.#closing) return;
    clearTimeout(this.#idleTimers.get(room));
    const timer = setTimeout(() => {
      this.#idleTimers.delete(room);
      if (room.memberCount > 0) return;
      if (!room.isSaved) {
        // Try again once its updates are durable; never drop them (SYNC8).
        void room.whenSaved().then(() => room.memberCount === 0 && this.#scheduleUnload(room));
        return;
      }
      this.#unload(room);
    }, this.#options.config.idleUnloadMs);
    timer.unref?.();
    this.#idleTimers.set(room, timer);
  }

  /** Stops handing out a room whose memory cannot be trusted: the next join loads the document
   *  afresh; the old room is destroyed once what it accepted before is saved. */
  #retire(room: Room) {
    const id = idOf(room.key);
    if (this.#rooms.get(id) === room) this.#rooms.delete(id);
    this.#options.metrics.loadedDocuments.set(this.#rooms.size);
    clearTimeout(this.#idleTimers.get(room));
    this.#idleTimers.delete(room);
    this.#retired.add(room);
    void room.whenSaved().then(() => {
      this.#retired.delete(room);
      room.destroy();
      // Nobody came back to the document: other nodes' news of it is no longer wanted here.
      if (!this.#rooms.has(id) && !this.#loading.has(id))
        this.#options.fanout?.unsubscribe(room.key);
    });
  }

  #unload(room: Room) {
    const id = idOf(room.key);
    if (this.#rooms.get(id) === room) {
      this.#rooms.delete(id);
      if (!this.#loading.has(id)) this.#options.fanout?.unsubscribe(room.key);
    }
    this.#options.metrics.loadedDocuments.set(this.#rooms.size);
    room.destroy();
    this.#options.log.debug({ document: room.key.name }, 'unloaded idle document');
  }

  /** Shutdown (SYNC15): closes every connection, saves every room (up to the timeout), and
   *  unloads them. Resolves with the number of updates that could not be saved. */
  async close(): Promise<number> {
    this.#closing = true;
    clearInterval(this.#catchUpTimer);
    for (const timer of this.#idleTimers.values()) clearTimeout(timer);
    this.#idleTimers.clear();
    await Promise.allSettled(this.#loading.values());
    const rooms = [...this.#rooms.values(), ...this.#retired];
    for (const room of rooms) room.closeMembers(CloseCode.ServerRestarting);
    this.#options.storage.hurry?.();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.#options.config.shutdownTimeoutMs);
    });
    const saved = Promise.all(rooms.map((room) => room.whenSaved()));
    const outcome = await Promise.race([saved, timedOut]);
    clearTimeout(timer);
    let unsaved = 0;
    if (outcome === 'timeout') for (const room of rooms) unsaved += room.abandonUnsaved();
    await Promise.all(rooms.map((room) => room.whenCompacted()));
    await Promise.all(rooms.map((room) => room.flushProjection()));
    await Promise.all(this.#catchingUp.values());
    for (const room of rooms) if (!this.#retired.has(room)) this.#unload(room);
    return unsaved;
  }
}

/** How long a join waits for a reset room of its document to save what it accepted. */
const RETIRED_SAVE_WAIT_MS = 10_000;

function savedWithin(room: Room, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('a reset room of this document is still saving')),
      ms,
    );
  });
  return Promise.race([room.whenSaved(), late]).finally(() => clearTimeout(timer));
}
