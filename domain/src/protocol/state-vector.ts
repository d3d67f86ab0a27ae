// Yjs state vectors (client id → number of operations seen), in Yjs's own encoding, decoded
// without Yjs so the browser's "saved" indicator needs nothing beyond lib0. A client is saved when
// the server's acknowledged (durable) state vector covers its local one (SYNC5).
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
