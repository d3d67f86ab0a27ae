// One client's websocket to one document. Its lifecycle is a union keyed by phase: while the room
// loads, frames wait in the inbox; once live, they go to the room in order; once closed, nothing
// more happens. Authentication and the access check ran before the websocket was accepted
// (app.ts); revocation (SYNC23) may later close the connection or change its mode.
//
// Every frame is decoded strictly and every update checked to decode before it touches the
// document; a bad one closes this connection alone (SYNC14). An update is judged with the
// sender's actor (SYNC17): when the actor is not cached, the inbox waits for it, so updates keep
// their order. A refused update is answered with Refused, then the connection is closed with 4409
// so the client drops the replica holding the refused change (SYNC18).
import * as Y from 'yjs';
import type { Logger } from 'pino';
import type { SessionPerson } from '@threadline/db';
import { CLOSE_REASONS, CloseCode } from '@threadline/domain/protocol/close-codes';
import { decodeAwarenessUpdate } from '@threadline/domain/protocol/awareness';
import {
  decodeMessage,
  MalformedMessage,
  RefusalReason,
  type AccessMode,
  type SyncMessage,
} from '@threadline/domain/protocol/messages';
import { decodeStateVector } from '@threadline/domain/protocol/state-vector';
import { TokenBucket } from '../limits/token-bucket.ts';
import type { SyncConfig } from '../config.ts';
import type { SyncMetrics } from '../operations/metrics.ts';
import { OutgoingFrame } from './outgoing-frame.ts';
import type { Room } from './room.ts';
import type { RoomMember } from './room-member.ts';

/** The part of a websocket a connection uses. */
export interface SyncSocket {
  /** Sends one message; false when bytes may be waiting to be sent (then `bufferedAmount` says
   *  how many), true when the socket took it at once. */
  send(frame: OutgoingFrame): boolean;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet sent. */
  readonly bufferedAmount: number;
}

/** The sender as the document kind's validator sees them: cached, or being loaded. */
export type ActorLookup = () =>
  { ready: true; actor: unknown } | { ready: false; loading: Promise<unknown> };

type ConnectionState =
  { phase: 'joining' } | { phase: 'live'; room: Room } | { phase: 'closed'; code: number };

export interface ConnectionOptions {
  person: Pick<SessionPerson, 'id' | 'name'>;
  mode: AccessMode;
  actor: ActorLookup;
  /** Loads the sender's actor again with a refused verdict's `recheck` as its hint (ONE52);
   *  resolves once the lookup has it (never rejects). Absent: a refusal is final. */
  recheckActor?: (hint: unknown) => Promise<void>;
  socket: SyncSocket;
  config: SyncConfig;
  metrics: SyncMetrics;
  log: Logger;
  /** Called once, when the connection ends, with its room if it had joined one. */
  onClosed: (room: Room | undefined) => void;
}

let nextId = 1;

export class Connection implements RoomMember {
  readonly id = nextId++;
  readonly personId: string;
  readonly personName: string;
  #mode: AccessMode;
  #state: ConnectionState = { phase: 'joining' };
  /** Frames not yet handled, oldest first. */
  readonly #inbox: Uint8Array[] = [];
  /** Set while the inbox waits for the sender's actor to load. */
  #waiting = false;
  readonly #actor: ActorLookup;
  readonly #recheckActor: ((hint: unknown) => Promise<void>) | undefined;
  /** The frame being judged again with a reloaded actor: it gets one recheck, no more. */
  #rechecking: Uint8Array | null = null;
  readonly #socket: SyncSocket;
  readonly #rate: TokenBucket;
  readonly #maxBufferedBytes: number;
  /** The last send left bytes waiting: the next one checks how many (SYNC12). */
  #backlogged = false;
  readonly #metrics: SyncMetrics;
  readonly #log: Logger;
  readonly #onClosed: (room: Room | undefined) => void;

  constructor(options: ConnectionOptions) {
    this.personId = options.person.id;
    this.personName = options.person.name;
    this.#mode = options.mode;
    this.#actor = options.actor;
    this.#recheckActor = options.recheckActor;
    this.#socket = options.socket;
    this.#rate = new TokenBucket(options.config.messagesPerSecond, options.config.messageBurst);
    this.#maxBufferedBytes = options.config.maxBufferedBytes;
    this.#metrics = options.metrics;
    this.#log = options.log.child({ connection: this.id, personId: this.personId });
    this.#onClosed = options.onClosed;
    this.#metrics.connections.inc();
    this.#log.debug('connection opened');
  }

  get phase(): ConnectionState['phase'] {
    return this.#state.phase;
  }

  get mode(): AccessMode {
    return this.#mode;
  }

  /** The room has loaded: tell the client what it may do, then handle what arrived meanwhile. */
  joined(room: Room) {
    if (this.#state.phase !== 'joining') return;
    this.#state = { phase: 'live', room };
    this.send({ type: 'access', mode: this.#mode });
    this.#drain();
  }

  /** Revocation changed what this person may do here (SYNC23): a read-only connection loses its
   *  presence at once and has every later update refused. */
  setMode(mode: AccessMode) {
    if (mode === this.#mode || this.#state.phase === 'closed') return;
    this.#mode = mode;
    this.#log.info({ mode }, 'access changed');
    if (this.#state.phase !== 'live') return;
    this.send({ type: 'access', mode });
    if (mode === 'read-only') this.#state.room.dropPresence(this);
  }

  /** A websocket message arrived (binary as ArrayBuffer, text as string). */
  receive(data: ArrayBuffer | string) {
    if (this.#state.phase === 'closed') return;
    this.#metrics.bytesIn.inc(typeof data === 'string' ? data.length : data.byteLength);
    if (!this.#rate.take()) return this.close(CloseCode.TooManyMessages);
    if (typeof data === 'string') return this.close(CloseCode.BadMessage);
    this.#inbox.push(new Uint8Array(data));
    this.#drain();
  }

  send(message: SyncMessage) {
    if (this.#state.phase !== 'closed') this.sendFrame(OutgoingFrame.of(message));
  }

  sendFrame(frame: OutgoingFrame) {
    if (this.#state.phase === 'closed') return;
    // Too slow (SYNC12) is a reader that has not taken what was sent before: one frame larger
    // than the limit on its own (the whole document for a client joining a big tree) is not.
    if (this.#backlogged && this.#socket.bufferedAmount > this.#maxBufferedBytes) {
      return this.close(CloseCode.TooSlow);
    }
    this.#metrics.bytesOut.inc(frame.bytes.byteLength);
    this.#backlogged = !this.#socket.send(frame);
  }

  /** The server ends the connection with a named code. */
  close(code: CloseCode) {
    if (this.#state.phase === 'closed') return;
    this.#metrics.closes.inc({ code: String(code) });
    this.#socket.close(code, CLOSE_REASONS[code]);
    this.#end(code);
  }

  /** The websocket closed (either side); idempotent. */
  closed(code: number) {
    this.#end(code);
  }

  #end(code: number) {
    if (this.#state.phase === 'closed') return;
    const room = this.#state.phase === 'live' ? this.#state.room : undefined;
    this.#state = { phase: 'closed', code };
    this.#inbox.length = 0;
    this.#metrics.connections.dec();
    this.#log.debug({ code }, 'connection closed');
    this.#onClosed(room);
  }

  #drain() {
    while (!this.#waiting && this.#state.phase === 'live' && this.#inbox.length > 0) {
      const room = this.#state.room;
      const frame = this.#inbox[0]!;
      let message: SyncMessage;
      try {
        message = decodeMessage(frame);
      } catch (error) {
        return this.#bad(error, frame, room);
      }
      let actor: unknown;
      if (message.type === 'sync-step-2' || message.type === 'sync-update') {
        const lookup = this.#actor();
        if (!lookup.ready) return this.#waitFor(lookup.loading);
        actor = lookup.actor;
      }
      this.#inbox.shift();
      let recheck: Promise<void> | undefined;
      try {
        recheck = this.#dispatch(message, room, actor, frame);
      } catch (error) {
        return this.#bad(error, frame, room);
      }
      if (recheck) {
        // Judged again, first of the inbox, once the actor is loaded anew (ONE52).
        this.#inbox.unshift(frame);
        return this.#waitFor(recheck);
      }
      this.#rechecking = null;
    }
  }

  #waitFor(loading: Promise<unknown>) {
    this.#waiting = true;
    loading.then(
      () => {
        this.#waiting = false;
        this.#drain();
      },
      (error: unknown) => {
        this.#waiting = false;
        this.#log.error({ err: error }, 'could not load who the sender is');
        this.close(CloseCode.ServerError);
      },
    );
  }

  /** Decoding and applying never throw for a well-formed message, so anything caught is the
   *  client's fault (or a Yjs bug): drop this connection, keep the process and the room. */
  #bad(error: unknown, frame: Uint8Array, room: Room) {
    this.#log.warn(
      { err: error, document: room.key.name, bytes: frame.byteLength },
      error instanceof MalformedMessage ? 'malformed sync message' : 'sync message failed',
    );
    this.close(CloseCode.BadMessage);
  }

  /** Handles one message; returns a promise when its update is to be judged again once the
   *  actor is reloaded. */
  #dispatch(
    message: SyncMessage,
    room: Room,
    actor: unknown,
    frame: Uint8Array,
  ): Promise<void> | undefined {
    switch (message.type) {
      case 'sync-step-1': {
        const vector = decodeStateVector(message.stateVector);
        for (const answer of room.answerSyncStep1(this, message.stateVector, vector)) {
          this.sendFrame(answer);
        }
        return;
      }
      case 'sync-step-2':
      case 'sync-update':
        return this.#applyUpdate(message.update, room, actor, frame);
      case 'awareness':
        room.applyAwareness(this, decodeAwarenessUpdate(message.update));
        return;
      case 'query-awareness': {
        const update = room.awarenessUpdate();
        if (update) this.send({ type: 'awareness', update });
        return;
      }
      case 'permission-denied':
      case 'ack':
      case 'refused':
      case 'access':
      case 'save-status':
        return; // server-to-client messages: nothing to do when a client echoes one
    }
  }

  #applyUpdate(
    update: Uint8Array,
    room: Room,
    actor: unknown,
    frame: Uint8Array,
  ): Promise<void> | undefined {
    try {
      // Reads every struct and the delete set, so a truncated update fails here, before
      // anything of it reaches the document (Yjs would apply its first structs, then throw).
      Y.decodeUpdate(update);
    } catch (error) {
      throw new MalformedMessage(`undecodable update: ${String(error)}`);
    }
    const result = room.applyUpdate(this, update, actor);
    if (result.applied) return;
    if (result.recheck !== undefined && this.#recheckActor && this.#rechecking !== frame) {
      this.#rechecking = frame;
      return this.#recheckActor(result.recheck);
    }
    this.#metrics.refusedUpdates.inc({ reason: result.reason });
    this.#log.warn(
      { document: room.key.name, reason: result.reason, detail: result.detail },
      'refused an update',
    );
    this.send({ type: 'refused', reason: result.reason });
    this.close(
      result.reason === RefusalReason.DocumentReset
        ? CloseCode.ServerError
        : CloseCode.ChangeRefused,
    );
  }
}
