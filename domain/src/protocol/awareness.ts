// Awareness (presence) updates, decoded strictly before the server applies one: y-protocols'
// applyAwarenessUpdate parses entry by entry and would apply the first entries of a truncated
// update before throwing on the rest (SYNC14).
import * as decoding from 'lib0/decoding';
import { MalformedMessage } from './messages.ts';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The JSON state; null means the client left. */
  state: unknown;
}

export function decodeAwarenessUpdate(bytes: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(bytes);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes');
    return entries;
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(error instanceof Error ? error.message : String(error));
  }
}
