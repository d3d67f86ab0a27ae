// One client's websocket to one document. Its lifecycle is a union keyed by phase, so each phase
// carries only what is valid in it: while the room loads, messages queue; once live, they go to
// the room; once closed, nothing more happens. Authentication and the access check ran before
// the websocket was accepted (app.ts).
//
// Every frame is decoded strictly and every update checked to decode before it touches the
// document; a bad one closes this connection alone (SYNC14).
import * as Y from 'yjs';
import type { Logger } from 'pino';
import { CLOSE_REASONS, CloseCode } from '@threadline/domain/protocol/close-codes';
import { decodeAwarenessUpdate } from '@threadline/domain/protocol/awareness';
import {
  decodeMessage,
  encodeMessage,
  MalformedMessage,
  type SyncMessage,
} from '@threadline/domain/protocol/messages';
import { decodeStateVector } from '@threadline/domain/protocol/state-vector';
import { TokenBucket } from '../limits/token-bucket.ts';
import type { SyncConfig } from '../config.ts';
import type { SyncMetrics } from '../operations/metrics.ts';
import type { Room } from './room.ts';
import type { RoomMember } from './room-member.ts';

/** The part of a websocket a connection uses. */
export interface SyncSocket {
  send(data: Uint8Array<ArrayBuffer>): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet sent. */
  readonly bufferedAmount: number;
}

type ConnectionState =
  | { phase: 'joining'; queued: Uint8Array[] }
  | { phase: 'live'; room: Room }
  | { phase: 'closed'; code: number };

let nextId = 1;

export class Connection implements RoomMember {
  readonly id = nextId++;
  readonly personId: string;
  #state: ConnectionState = { phase: 'joining', queued: [] };
  readonly #socket: SyncSocket;
  readonly #rate: TokenBucket;
  readonly #maxBufferedBytes: number;
  readonly #metrics: SyncMetrics;
  readonly #log: Logger;
  readonly #onClosed: (room: Room | undefined) => void;

  constructor(options: {
    personId: string;
    socket: SyncSocket;
    config: SyncConfig;
    metrics: SyncMetrics;
    log: Logger;
    /** Called once, when the connection ends, with its room if it had joined one. */
    onClosed: (room: Room | undefined) => void;
  }) {
    this.personId = options.personId;
    this.#socket = options.socket;
    this.#rate = new TokenBucket(options.config.messagesPerSecond, options.config.messageBurst);
    this.#maxBufferedBytes = options.config.maxBufferedBytes;
    this.#metrics = options.metrics;
    this.#log = options.log.child({ connection: this.id, personId: options.personId });
    this.#onClosed = options.onClosed;
    this.#metrics.connections.inc();
    this.#log.debug('connection opened');
  }

  get phase(): ConnectionState['phase'] {
    return this.#state.phase;
  }

  /** The room has loaded: replay what arrived meanwhile. */
  joined(room: Room) {
    if (this.#state.phase !== 'joining') return;
    const { queued } = this.#state;
    this.#state = { phase: 'live', room };
    for (const frame of queued) {
      if (this.#state.phase !== 'live') return;
      this.#handle(frame, room);
    }
  }

  /** A websocket message arrived (binary as ArrayBuffer, text as string). */
  receive(data: ArrayBuffer | string) {
    if (this.#state.phase === 'closed') return;
    this.#metrics.bytesIn.inc(typeof data === 'string' ? data.length : data.byteLength);
    if (!this.#rate.take()) return this.close(CloseCode.TooManyMessages);
    if (typeof data === 'string') return this.close(CloseCode.BadMessage);
    const frame = new Uint8Array(data);
    if (this.#state.phase === 'joining') this.#state.queued.push(frame);
    else this.#handle(frame, this.#state.room);
  }

  send(message: SyncMessage) {
    if (this.#state.phase !== 'closed') this.sendFrame(encodeMessage(message));
  }

  sendFrame(frame: Uint8Array<ArrayBuffer>) {
    if (this.#state.phase === 'closed') return;
    this.#metrics.bytesOut.inc(frame.byteLength);
    this.#socket.send(frame);
    if (this.#socket.bufferedAmount > this.#maxBufferedBytes) this.close(CloseCode.TooSlow);
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
    this.#metrics.connections.dec();
    this.#log.debug({ code }, 'connection closed');
    this.#onClosed(room);
  }

  #handle(frame: Uint8Array, room: Room) {
    try {
      this.#dispatch(decodeMessage(frame), room);
    } catch (error) {
      // Decoding and applying never throw for a well-formed message, so anything caught here is
      // the client's fault (or a Yjs bug): drop this connection, keep the process and room.
      this.#log.warn(
        { err: error, document: room.key.name, bytes: frame.byteLength },
        error instanceof MalformedMessage ? 'malformed sync message' : 'sync message failed',
      );
      this.close(CloseCode.BadMessage);
    }
  }

  #dispatch(message: SyncMessage, room: Room) {
    switch (message.type) {
      case 'sync-step-1':
        decodeStateVector(message.stateVector);
        return this.send({ type: 'sync-step-2', update: room.missingFrom(message.stateVector) });
      case 'sync-step-2':
      case 'sync-update':
        return this.#applyUpdate(message.update, room);
      case 'awareness':
        decodeAwarenessUpdate(message.update);
        return room.applyAwareness(this, message.update);
      case 'query-awareness': {
        const update = room.awarenessUpdate();
        return update && this.send({ type: 'awareness', update });
      }
      case 'permission-denied':
      case 'ack':
      case 'refused':
        return; // server-to-client messages: nothing to do when a client echoes one
    }
  }

  #applyUpdate(update: Uint8Array, room: Room) {
    try {
      // Reads every struct and the delete set, so a truncated update fails here, before
      // anything of it reaches the document (Yjs would apply its first structs, then throw).
      Y.decodeUpdate(update);
    } catch (error) {
      throw new MalformedMessage(`undecodable update: ${String(error)}`);
    }
    const result = room.applyUpdate(this, update);
    if (!result.applied) {
      this.#log.warn({ document: room.key.name, reason: result.reason }, 'refused an update');
      this.send({ type: 'refused', reason: result.reason });
    }
  }
}
