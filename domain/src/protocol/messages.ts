// The sync wire protocol, decoded strictly. Types 0–3 are y-websocket's own, byte for byte, so the
// stock provider connects unchanged (SYNC4); 100 and up are ours, and a stock provider skips them
// (it logs "Unable to compute message" and carries on). Everything the server reads goes through
// decodeMessage, which refuses truncated frames, unknown types and trailing bytes, so a bad frame
// is caught here, before any of it reaches a document (SYNC14).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MessageType = {
  /** Yjs sync: step 1 (state vector), step 2 (the missing updates), or a live update. */
  Sync: 0,
  /** y-protocols awareness update (presence: cursors, who is here). */
  Awareness: 1,
  /** y-protocols auth; the only sub-type is "permission denied" with a reason. */
  Auth: 2,
  /** Asks the other side to send every awareness state it knows. */
  QueryAwareness: 3,
  /** Ours: the server's durable state vector, sent after a commit (SYNC5). */
  Ack: 100,
  /** Ours: an update was not accepted, with the reason (SYNC13, SYNC17). */
  Refused: 101,
  /** Ours: whether this connection may write, sent on joining and whenever it changes (SYNC19). */
  Access: 102,
  /** Ours: whether the document's saves are held up (the database is out of reach), sent on
   *  joining while they are and whenever that changes (SYNC32). */
  SaveStatus: 103,
} as const;

/** Sub-types of a Sync message (y-protocols/sync). */
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const;

/** Why the server refused an update (SYNC13, SYNC17, SYNC19). */
export const RefusalReason = {
  DocumentTooLarge: 'document-too-large',
  /** The server is resetting the document; the connection is about to close with 4500. */
  DocumentReset: 'document-reset',
  /** The connection may read the document but not change it. */
  ReadOnly: 'read-only',
  /** The change breaks the document kind's schema. */
  Schema: 'schema',
  /** The change touches something its sender may not edit. */
  Forbidden: 'forbidden',
  /** The update depends on changes the server does not have, so it cannot be checked. */
  Pending: 'pending',
} as const;

/**
 * Whether the server is saving the document's accepted updates (SYNC32): `delayed` while its
 * saves fail (it keeps them in memory and retries), `resumed` once a save succeeds again.
 */
export type SaveState = 'delayed' | 'resumed';
const SAVE_STATES: readonly SaveState[] = ['delayed', 'resumed'];

/** What a connection may do with its document (SYNC19). */
export type AccessMode = 'read-write' | 'read-only';
const ACCESS_MODES: readonly AccessMode[] = ['read-write', 'read-only'];

export type SyncMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'permission-denied'; reason: string }
  | { type: 'query-awareness' }
  | { type: 'ack'; stateVector: Uint8Array }
  | { type: 'refused'; reason: string }
  | { type: 'access'; mode: AccessMode }
  | { type: 'save-status'; state: SaveState };

/** A frame that is not a valid message; the server closes the connection with 4400. */
export class MalformedMessage extends Error {
  override name = 'MalformedMessage';
}

export function decodeMessage(frame: Uint8Array): SyncMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const message = readMessage(decoder);
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes');
    return message;
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    // lib0 throws plain Errors (unexpected end of array, integer out of range) and RangeErrors.
    throw new MalformedMessage(error instanceof Error ? error.message : String(error));
  }
}

function readMessage(decoder: decoding.Decoder): SyncMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.Sync: {
      const step = decoding.readVarUint(decoder);
      const payload = readBytes(decoder);
      if (step === SyncStep.Step1) return { type: 'sync-step-1', stateVector: payload };
      if (step === SyncStep.Step2) return { type: 'sync-step-2', update: payload };
      if (step === SyncStep.Update) return { type: 'sync-update', update: payload };
      throw new MalformedMessage(`unknown sync step ${step}`);
    }
    case MessageType.Awareness:
      return { type: 'awareness', update: readBytes(decoder) };
    case MessageType.Auth: {
      const sub = decoding.readVarUint(decoder);
      if (sub !== 0) throw new MalformedMessage(`unknown auth message ${sub}`);
      return { type: 'permission-denied', reason: decoding.readVarString(decoder) };
    }
    case MessageType.QueryAwareness:
      return { type: 'query-awareness' };
    case MessageType.Ack:
      return { type: 'ack', stateVector: readBytes(decoder) };
    case MessageType.Refused:
      return { type: 'refused', reason: decoding.readVarString(decoder) };
    case MessageType.Access: {
      const mode = decoding.readVarString(decoder);
      if (!ACCESS_MODES.includes(mode as AccessMode)) {
        throw new MalformedMessage(`unknown access mode ${mode}`);
      }
      return { type: 'access', mode: mode as AccessMode };
    }
    case MessageType.SaveStatus: {
      const state = decoding.readVarString(decoder);
      if (!SAVE_STATES.includes(state as SaveState)) {
        throw new MalformedMessage(`unknown save state ${state}`);
      }
      return { type: 'save-status', state: state as SaveState };
    }
    default:
      throw new MalformedMessage(`unknown message type ${type}`);
  }
}

/** A length-prefixed byte array, copied so it never aliases (or reads past) the frame. */
function readBytes(decoder: decoding.Decoder): Uint8Array<ArrayBuffer> {
  const length = decoding.readVarUint(decoder);
  if (length > decoder.arr.length - decoder.pos) throw new MalformedMessage('truncated payload');
  return decoding.readUint8Array(decoder, length).slice();
}

export function encodeMessage(message: SyncMessage): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder();
  switch (message.type) {
    case 'sync-step-1':
      writeSync(encoder, SyncStep.Step1, message.stateVector);
      break;
    case 'sync-step-2':
      writeSync(encoder, SyncStep.Step2, message.update);
      break;
    case 'sync-update':
      writeSync(encoder, SyncStep.Update, message.update);
      break;
    case 'awareness':
      encoding.writeVarUint(encoder, MessageType.Awareness);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'permission-denied':
      encoding.writeVarUint(encoder, MessageType.Auth);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarString(encoder, message.reason);
      break;
    case 'query-awareness':
      encoding.writeVarUint(encoder, MessageType.QueryAwareness);
      break;
    case 'ack':
      encoding.writeVarUint(encoder, MessageType.Ack);
      encoding.writeVarUint8Array(encoder, message.stateVector);
      break;
    case 'refused':
      encoding.writeVarUint(encoder, MessageType.Refused);
      encoding.writeVarString(encoder, message.reason);
      break;
    case 'access':
      encoding.writeVarUint(encoder, MessageType.Access);
      encoding.writeVarString(encoder, message.mode);
      break;
    case 'save-status':
      encoding.writeVarUint(encoder, MessageType.SaveStatus);
      encoding.writeVarString(encoder, message.state);
      break;
  }
  // lib0 types its result as Uint8Array<ArrayBufferLike>; it is always a fresh ArrayBuffer.
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>;
}

function writeSync(encoder: encoding.Encoder, step: number, payload: Uint8Array) {
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
}
