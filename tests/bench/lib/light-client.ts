// A protocol-level client: a raw websocket speaking one server's framing, without a provider or
// (unless given one) a Y.Doc. Thousands of them fit in the load generator's core. It does what a
// provider does on the wire: sync step 1 on open, answers the server's step 1, sends updates and
// presence, and it reports what the server sends back (live updates, acks, sync statuses).
//
// Framing: see wire.ts.
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import {
  AUTH,
  authDenied,
  authMessage,
  AWARENESS,
  documentUrl,
  encodeMessage,
  type Endpoint,
  messagePrefix,
  OURS_ACK,
  OURS_REFUSED,
  STEP1,
  STEP2,
  SYNC,
  SYNC_REPLY,
  SYNC_STATUS,
  syncStep1Message,
  syncStep2Message,
  UPDATE,
  upgradeHeaders,
} from './wire.ts';

export type { Endpoint } from './wire.ts';

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

export interface LightClientOptions {
  /** Applies the document the server sends at sync into this replica (writers need it). */
  doc?: Y.Doc;
  /** Also applies live updates to `doc`, as a provider would (a writer that builds on others'
   *  edits); by default only the initial sync is applied. */
  applyLive?: boolean;
  /** Each live update frame, raw (for markers); not called for the initial sync. */
  onUpdate?: (frame: Uint8Array) => void;
  /** Ours: the server's durable state vector after each commit. */
  onAck?: (stateVector: Map<number, number>) => void;
}

export class LightClient {
  readonly socket: WebSocket;
  readonly endpoint: Endpoint;
  readonly documentName: string;
  bytesIn = 0;
  bytesOut = 0;
  refusals = 0;
  closeCode: number | undefined;
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;
  readonly #options: LightClientOptions;
  readonly #prefix: Uint8Array;
  /** Resolvers waiting for the answer (sync step 2) to each step 1 we sent, oldest first. */
  #step2Waiters: (() => void)[] = [];
  /** The first sync step 2 has arrived: updates from then on are deliveries. */
  #joined = false;
  /** Hocuspocus: callbacks for the sync statuses each sent update or step 2 will get. */
  #statusWaiters: ((applied: boolean) => void)[] = [];

  constructor(endpoint: Endpoint, documentName: string, options: LightClientOptions = {}) {
    this.endpoint = endpoint;
    this.documentName = documentName;
    this.#options = options;
    this.#prefix = messagePrefix(endpoint, documentName);
    this.socket = new WebSocket(documentUrl(endpoint, documentName), {
      headers: upgradeHeaders(endpoint),
      perMessageDeflate: false,
    });
    this.socket.on('message', (data: Buffer) => this.#receive(data));
    this.socket.on('error', () => {}); // `closed` reports the end
    this.closed = new Promise((resolve) =>
      this.socket.once('close', (code) => resolve((this.closeCode = code))),
    );
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('close', (code) => reject(new Error(`closed before open (${code})`)));
    });
    this.opened.catch(() => {});
  }

  /** Opens the socket, syncs (the server's whole document arrives), and resolves then. */
  async connect(): Promise<this> {
    await this.opened;
    if (this.endpoint.protocol === 'hocuspocus') {
      this.#send(authMessage(this.#prefix, this.endpoint.token));
    }
    await this.roundTrip();
    return this;
  }

  /** Sends sync step 1 and resolves when the server has answered it. The server handles one
   *  socket's messages in order, so everything sent before has been applied by then. */
  roundTrip(): Promise<void> {
    const stateVector = Y.encodeStateVector(this.#options.doc ?? new Y.Doc());
    return new Promise((resolve, reject) => {
      this.#step2Waiters.push(resolve);
      this.closed.then((code) => reject(new Error(`closed while syncing (${code})`)));
      this.#send(syncStep1Message(this.#prefix, stateVector));
    });
  }

  /**
   * Sends a Yjs update. `confirmed` is called when the server says it has it: for Hocuspocus
   * its sync status ("applied", in memory); for y-websocket's server, which says nothing, when
   * the frame has left this process. Ours is confirmed by acks instead (onAck).
   */
  sendUpdate(update: Uint8Array, confirmed?: () => void) {
    if (this.endpoint.protocol === 'hocuspocus') {
      this.#statusWaiters.push((applied) => applied && confirmed?.());
    }
    this.#send(
      encodeMessage(this.#prefix, (e) => {
        encoding.writeVarUint(e, SYNC);
        encoding.writeVarUint(e, UPDATE);
        encoding.writeVarUint8Array(e, update);
      }),
      this.endpoint.protocol === 'y-websocket' ? confirmed : undefined,
    );
  }

  sendAwareness(update: Uint8Array) {
    this.#send(
      encodeMessage(this.#prefix, (e) => {
        encoding.writeVarUint(e, AWARENESS);
        encoding.writeVarUint8Array(e, update);
      }),
    );
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  close() {
    this.socket.close();
  }

  terminate() {
    this.socket.terminate();
  }

  #send(frame: Uint8Array, sent?: () => void) {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    this.bytesOut += frame.byteLength;
    this.socket.send(frame, sent && ((error) => !error && sent()));
  }

  #receive(frame: Buffer) {
    this.bytesIn += frame.byteLength;
    const decoder = decoding.createDecoder(frame);
    if (this.endpoint.protocol === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case SYNC:
      case SYNC_REPLY: {
        const step = decoding.readVarUint(decoder);
        if (step === UPDATE && !this.#joined) {
          // Part of the answer to our sync step 1 (ours sends the updates its step 2 lacks just
          // before it, SYNC4): the document, not a delivery.
          if (this.#options.doc) {
            Y.applyUpdate(this.#options.doc, decoding.readVarUint8Array(decoder), this);
          }
          return;
        }
        if (step === UPDATE) {
          this.#options.onUpdate?.(frame);
          if (this.#options.applyLive && this.#options.doc) {
            Y.applyUpdate(this.#options.doc, decoding.readVarUint8Array(decoder), this);
          }
          return;
        }
        const payload = decoding.readVarUint8Array(decoder);
        if (step === STEP1) {
          const { doc } = this.#options;
          const diff = doc ? Y.encodeStateAsUpdate(doc, payload) : EMPTY_UPDATE;
          if (this.endpoint.protocol === 'hocuspocus') this.#statusWaiters.push(() => {});
          this.#send(syncStep2Message(this.#prefix, diff));
        } else if (step === STEP2) {
          if (this.#options.doc) Y.applyUpdate(this.#options.doc, payload, this);
          this.#joined = true;
          this.#step2Waiters.shift()?.();
        }
        return;
      }
      case SYNC_STATUS:
        this.#statusWaiters.shift()?.(decoding.readVarUint(decoder) === 1);
        return;
      case AUTH: {
        if (authDenied(this.endpoint, decoding.readVarUint(decoder))) this.socket.terminate();
        return;
      }
      case OURS_ACK:
        if (this.endpoint.protocol === 'ours') {
          this.#options.onAck?.(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
        }
        return;
      case OURS_REFUSED:
        this.refusals++;
        return;
      case AWARENESS:
      default:
        return;
    }
  }
}

/** Connects `count` clients, at most `parallel` handshakes at a time. */
export async function connectMany<T extends LightClient>(
  count: number,
  make: (index: number) => T,
  parallel = 50,
): Promise<T[]> {
  const clients: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) {
        const index = next++;
        clients[index] = await make(index).connect();
      }
    }),
  );
  return clients;
}
