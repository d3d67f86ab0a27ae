// Awareness (presence) updates, decoded strictly before the server applies one: y-protocols'
// applyAwarenessUpdate parses entry by entry and would apply the first entries of a truncated
// update before throwing on the rest (SYNC14).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
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

/** The inverse of decodeAwarenessUpdate, in y-protocols' encoding: the server re-encodes an
 *  update after dropping the entries a connection may not send (SYNC20). */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>;
}
