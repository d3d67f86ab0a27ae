// The rooms this node has loaded: at most one per document, shared by all of its connections.
// A room with no connections and nothing unsaved unloads after `idleUnloadMs` and its memory is
// returned; a room with unsaved updates is never unloaded (SYNC8). Rooms load once even when
// many connections ask at the same moment.
import type { Logger } from 'pino';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import type { SyncConfig } from '../config.ts';
import type { SyncMetrics } from '../operations/metrics.ts';
import type { DocumentKey, DocumentStorage } from '../persistence/document-storage.ts';
import type { RoomMember } from './room-member.ts';
import { Room } from './room.ts';

export interface RoomRegistryOptions {
  storage: DocumentStorage;
  config: SyncConfig;
  metrics: SyncMetrics;
  log: Logger;
}

const idOf = (key: DocumentKey) => `${key.organisationId}/${key.name}`;

export class RoomRegistry {
  readonly #rooms = new Map<string, Room>();
  readonly #loading = new Map<string, Promise<Room>>();
  readonly #idleTimers = new Map<Room, ReturnType<typeof setTimeout>>();
  readonly #options: RoomRegistryOptions;
  /** Broken rooms still saving what they accepted before they broke. */
  readonly #retired = new Set<Room>();
  #closing = false;

  constructor(options: RoomRegistryOptions) {
    this.#options = options;
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
    if (this.#closing) throw new Error('the sync server is shutting down');
    clearTimeout(this.#idleTimers.get(room));
    this.#idleTimers.delete(room);
    room.join(member);
    return room;
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
      loading = this.#options.storage
        .load(key)
        .then((updates) => {
          const room = new Room(
            { ...this.#options, key, onBroken: (broken) => this.#retire(broken) },
            updates,
          );
          this.#rooms.set(id, room);
          this.#options.metrics.loadedDocuments.set(this.#rooms.size);
          // A room nobody joins (the connection left while it loaded) still unloads.
          this.#scheduleUnload(room);
          return room;
        })
        .finally(() => this.#loading.delete(id));
      this.#loading.set(id, loading);
    }
    return loading;
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
    });
  }

  #unload(room: Room) {
    const id = idOf(room.key);
    if (this.#rooms.get(id) === room) this.#rooms.delete(id);
    this.#options.metrics.loadedDocuments.set(this.#rooms.size);
    room.destroy();
    this.#options.log.debug({ document: room.key.name }, 'unloaded idle document');
  }

  /** Shutdown (SYNC15): closes every connection, saves every room (up to the timeout), and
   *  unloads them. Resolves with the number of updates that could not be saved. */
  async close(): Promise<number> {
    this.#closing = true;
    for (const timer of this.#idleTimers.values()) clearTimeout(timer);
    this.#idleTimers.clear();
    await Promise.allSettled(this.#loading.values());
    const rooms = [...this.#rooms.values(), ...this.#retired];
    for (const room of rooms) room.closeMembers(CloseCode.ServerRestarting);
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
    for (const room of rooms) if (!this.#retired.has(room)) this.#unload(room);
    return unsaved;
  }
}
