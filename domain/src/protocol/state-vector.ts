// Yjs state vectors (client id → number of operations seen), in Yjs's own encoding, decoded
// without Yjs so the browser's "saved" indicator needs nothing beyond lib0. A client is saved when
// the server's acknowledged (durable) state vector covers every change it holds that it did not
// receive from the server (SYNC5, SC1).
import * as decoding from 'lib0/decoding';
import { MalformedMessage } from './messages.ts';

export type StateVector = ReadonlyMap<number, number>;

export function decodeStateVector(bytes: Uint8Array): StateVector {
  try {
    const decoder = decoding.createDecoder(bytes);
    const entries = decoding.readVarUint(decoder);
    const vector = new Map<number, number>();
    for (let i = 0; i < entries; i++) {
      const client = decoding.readVarUint(decoder);
      vector.set(client, decoding.readVarUint(decoder));
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes');
    return vector;
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(error instanceof Error ? error.message : String(error));
  }
}

/** True when every operation counted in `local` is also counted in `durable`. */
export function stateVectorCovers(durable: StateVector, local: StateVector): boolean {
  for (const [client, clock] of local) {
    if (clock > 0 && (durable.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/**
 * True when every operation counted in `local` is durable (counted in `durable`, the last Ack) or
 * came from the server (counted in `received`): the changes a client received are their
 * senders' to save, so the server acknowledges only a client's own (SYNC5, SC1).
 */
export function ownChangesCovered(
  durable: StateVector,
  received: StateVector,
  local: StateVector,
): boolean {
  for (const [client, clock] of local) {
    if (clock > 0 && Math.max(durable.get(client) ?? 0, received.get(client) ?? 0) < clock) {
      return false;
    }
  }
  return true;
}

/** `received`, moved forward by a transaction from the server that took the replica from `before`
 *  to `after`: it held every change it sent up to each clock it moved. */
export function withReceived(
  received: StateVector,
  before: StateVector,
  after: StateVector,
): StateVector {
  let next: Map<number, number> | undefined;
  for (const [client, clock] of after) {
    if (clock > (before.get(client) ?? 0) && clock > (received.get(client) ?? 0)) {
      (next ??= new Map(received)).set(client, clock);
    }
  }
  return next ?? received;
}
