// The messages the servers under test speak, shared by the benchmark's clients. Ours and
// y-websocket's server speak y-websocket's messages (type, then payload); Hocuspocus puts the
// document name before every message and wants an auth message first.
import * as encoding from 'lib0/encoding';
import type { Protocol } from './servers.ts';

/** A server under test, and how the benchmark's clients sign in to it. */
export interface Endpoint {
  protocol: Protocol;
  port: number;
  token: string;
  cookie: string;
}

export const SYNC = 0;
export const AWARENESS = 1;
export const AUTH = 2;
/** Hocuspocus: a step 1 that must not be answered with another step 1. */
export const SYNC_REPLY = 4;
/** Hocuspocus: "applied" after each update (not "saved"). */
export const SYNC_STATUS = 8;
export const OURS_ACK = 100;
export const OURS_REFUSED = 101;
export const STEP1 = 0;
export const STEP2 = 1;
export const UPDATE = 2;

/** Where a client opens `documentName` on the server. */
export function documentUrl(endpoint: Endpoint, documentName: string): string {
  const base = `ws://127.0.0.1:${endpoint.port}`;
  if (endpoint.protocol === 'ours') return `${base}/sync/${documentName}`;
  if (endpoint.protocol === 'y-websocket') return `${base}/${documentName}`;
  return base;
}

/** The headers of the upgrade request: ours signs in with the session cookie. */
export function upgradeHeaders(endpoint: Endpoint): Record<string, string> {
  return endpoint.protocol === 'ours' ? { cookie: endpoint.cookie } : {};
}

/** What every message to and from the server starts with (Hocuspocus: the document's name). */
export function messagePrefix(endpoint: Endpoint, documentName: string): Uint8Array {
  if (endpoint.protocol !== 'hocuspocus') return new Uint8Array();
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  return encoding.toUint8Array(encoder);
}

/** One message: the prefix, then what `write` puts in. */
export function encodeMessage(
  prefix: Uint8Array,
  write: (encoder: encoding.Encoder) => void,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8Array(encoder, prefix);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function authMessage(prefix: Uint8Array, token: string): Uint8Array {
  return encodeMessage(prefix, (e) => {
    encoding.writeVarUint(e, AUTH);
    encoding.writeVarUint(e, 0); // token
    encoding.writeVarString(e, token);
  });
}

export function syncStep1Message(prefix: Uint8Array, stateVector: Uint8Array): Uint8Array {
  return encodeMessage(prefix, (e) => {
    encoding.writeVarUint(e, SYNC);
    encoding.writeVarUint(e, STEP1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

export function syncStep2Message(prefix: Uint8Array, update: Uint8Array): Uint8Array {
  return encodeMessage(prefix, (e) => {
    encoding.writeVarUint(e, SYNC);
    encoding.writeVarUint(e, STEP2);
    encoding.writeVarUint8Array(e, update);
  });
}

/** Whether an auth message from the server refuses the client. Hocuspocus: 2 = authenticated,
 *  1 = denied; ours and y-websocket's: 0 = denied. */
export function authDenied(endpoint: Endpoint, sub: number): boolean {
  return endpoint.protocol === 'hocuspocus' ? sub === 1 : sub === 0;
}
