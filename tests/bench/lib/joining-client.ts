// A client that joins a document and keeps none of it, for the join storm. 150 clients there
// receive the 4 MB document each, 630 MB into the one load-generator process. Through ws, every
// message was assembled into a fresh 4 MB buffer (a copy, page faults on new memory, then the
// collector freeing it), and the generator ran at about 90 % of its core: it, not the server,
// set the join times. This client reads the first bytes of each message for its type, counts the
// rest as it passes and drops it, so the generator's cost is the kernel's copy and little more.
//
// It does on the wire what LightClient.connect does without a document: (Hocuspocus: auth,)
// sync step 1 with an empty state vector, an empty step 2 in answer to the server's step 1, and
// it has joined when the server's step 2 has wholly arrived. Frames are read and written by
// websocket-frames.ts. The handshake is written here too: Node's HTTP client would hand over a
// socket that allocates a buffer for every read, and reads straight into a shared buffer
// (`onread`) must be asked for when the socket is made.
import { createHash, randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { FrameReader, maskedFrame, OPCODE } from './websocket-frames.ts';
import {
  AUTH,
  authDenied,
  authMessage,
  documentUrl,
  type Endpoint,
  messagePrefix,
  STEP1,
  STEP2,
  SYNC,
  SYNC_REPLY,
  syncStep1Message,
  syncStep2Message,
  upgradeHeaders,
} from './wire.ts';

/** The most a message's prefix, type and step take (Hocuspocus's prefix is the document name). */
const HEAD_BYTES = 256;
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());
/**
 * Every joining client reads into this one buffer: each read is handled before the next begins,
 * so nothing is allocated per read, and a read takes up to 1 MB rather than Node's 64 KB.
 */
const READ_BUFFER = Buffer.allocUnsafe(1024 * 1024);
/** A join that has not finished by then fails, rather than holding the storm until its step's
 *  timeout. */
const JOIN_TIMEOUT_MS = 60_000;
/** RFC 6455, 1.3: what the server hashes with our key to prove it speaks websocket. */
const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export class JoiningClient {
  /** Message bytes received (websocket headers not counted), as LightClient counts them. */
  bytesIn = 0;
  readonly #endpoint: Endpoint;
  readonly #documentName: string;
  readonly #prefix: Uint8Array;
  #socket: Socket | undefined;
  /** What the server must answer the upgrade with; undefined once it has. */
  #expectedAccept: string | undefined;
  /** The answer to the upgrade request, while it arrives. */
  #handshake = Buffer.alloc(0);
  readonly #frames = new FrameReader({
    data: (bytes) => this.#data(bytes),
    messageEnd: () => this.#messageEnd(),
    control: (opcode, payload) => this.#control(opcode, payload),
  });
  /** The current message's first bytes, and how many of them have arrived. */
  readonly #head = new Uint8Array(HEAD_BYTES);
  #headLength = 0;
  #deadline: ReturnType<typeof setTimeout> | undefined;
  #joined: { resolve: () => void; reject: (error: Error) => void } | undefined;

  constructor(endpoint: Endpoint, documentName: string) {
    this.#endpoint = endpoint;
    this.#documentName = documentName;
    this.#prefix = messagePrefix(endpoint, documentName);
  }

  /** Opens the socket and resolves once the server's whole document (its sync step 2) is in. */
  join(timeoutMs = JOIN_TIMEOUT_MS): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#joined = { resolve, reject };
      this.#deadline = setTimeout(
        () => this.#fail(new Error(`no document after ${timeoutMs} ms`)),
        timeoutMs,
      );
      const key = randomBytes(16).toString('base64');
      this.#expectedAccept = createHash('sha1')
        .update(key + ACCEPT_GUID)
        .digest('base64');
      const url = new URL(documentUrl(this.#endpoint, this.#documentName));
      const socket = connect({
        host: url.hostname,
        port: Number(url.port),
        noDelay: true,
        onread: { buffer: READ_BUFFER, callback: (length) => this.#onRead(length) },
      });
      this.#socket = socket;
      socket.on('error', (error) => this.#fail(error));
      socket.on('close', () => this.#fail(new Error('closed before the document arrived')));
      socket.on('connect', () => socket.write(upgradeRequest(url, key, this.#endpoint)));
    });
  }

  terminate() {
    this.#socket?.destroy();
  }

  #fail(error: Error) {
    clearTimeout(this.#deadline);
    this.#joined?.reject(error);
    this.#joined = undefined;
    this.#socket?.destroy();
  }

  #send(message: Uint8Array, opcode: number = OPCODE.binary) {
    this.#socket?.write(maskedFrame(opcode, message));
  }

  #onRead(length: number): boolean {
    const chunk = READ_BUFFER.subarray(0, length);
    // Called straight from the event loop: a throw here (a masked frame, a message too short to
    // read) would end the whole benchmark, where it should end this client.
    try {
      if (this.#expectedAccept === undefined) this.#frames.push(chunk);
      else this.#readHandshake(chunk);
    } catch (error) {
      this.#fail(error instanceof Error ? error : new Error(String(error)));
    }
    return true;
  }

  /** The server's answer to the upgrade request, then whatever frames came with it. */
  #readHandshake(chunk: Buffer) {
    this.#handshake = Buffer.concat([this.#handshake, chunk]);
    const end = this.#handshake.indexOf('\r\n\r\n');
    if (end < 0) return;
    const [statusLine = '', ...headerLines] = this.#handshake
      .subarray(0, end)
      .toString('latin1')
      .split('\r\n');
    const accept = headerLines
      .map((line) => line.split(/:\s*/, 2))
      .find(([name]) => name?.toLowerCase() === 'sec-websocket-accept')?.[1];
    const rest = this.#handshake.subarray(end + 4);
    this.#handshake = Buffer.alloc(0);
    if (!/^HTTP\/1\.1 101 /.test(statusLine)) {
      this.#fail(new Error(`refused the upgrade: ${statusLine}`));
      return;
    }
    if (accept !== this.#expectedAccept) {
      this.#fail(new Error('the server did not accept the websocket key'));
      return;
    }
    this.#expectedAccept = undefined;
    if (this.#endpoint.protocol === 'hocuspocus') {
      this.#send(authMessage(this.#prefix, this.#endpoint.token));
    }
    this.#send(syncStep1Message(this.#prefix, EMPTY_STATE_VECTOR));
    if (rest.length > 0) this.#frames.push(rest);
  }

  #data(bytes: Uint8Array) {
    this.bytesIn += bytes.length;
    const room = HEAD_BYTES - this.#headLength;
    if (room > 0) {
      const kept = bytes.subarray(0, room);
      this.#head.set(kept, this.#headLength);
      this.#headLength += kept.length;
    }
  }

  #messageEnd() {
    const head = this.#head.subarray(0, this.#headLength);
    this.#headLength = 0;
    this.#message(head);
  }

  #control(opcode: number, payload: Buffer) {
    if (opcode === OPCODE.ping) this.#send(payload, OPCODE.pong);
    if (opcode === OPCODE.close) this.#fail(new Error('the server closed'));
  }

  /** A whole message has arrived; `head` is its first bytes (all of it when it is short). */
  #message(head: Uint8Array) {
    const decoder = decoding.createDecoder(head);
    if (this.#endpoint.protocol === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === AUTH) {
      if (authDenied(this.#endpoint, decoding.readVarUint(decoder))) {
        this.#fail(new Error('refused'));
      }
      return;
    }
    if (type !== SYNC && type !== SYNC_REPLY) return;
    const step = decoding.readVarUint(decoder);
    if (step === STEP1) this.#send(syncStep2Message(this.#prefix, EMPTY_UPDATE));
    if (step === STEP2) {
      clearTimeout(this.#deadline);
      this.#joined?.resolve();
      this.#joined = undefined;
    }
    // An update before the step 2 is part of the answer (ours, SYNC4); after it, a delivery.
  }
}

/** The HTTP request that asks the server to speak websocket (RFC 6455, 4.1). */
function upgradeRequest(url: URL, key: string, endpoint: Endpoint): string {
  const headers = {
    Host: url.host,
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': key,
    ...upgradeHeaders(endpoint),
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `GET ${url.pathname} HTTP/1.1\r\n${lines.join('')}\r\n`;
}
