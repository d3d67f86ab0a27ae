// What sync-server nodes tell each other through Redis (SYNC25): updates once they are committed
// (with their log seqs and the durable state vector, so the receiving node can acknowledge them
// to its own clients and notice rows it missed), and presence as it changes.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MalformedMessage } from '@threadline/domain/protocol/messages';

export type PeerMessage =
  | {
      kind: 'saved';
      nodeId: string;
      /** The committed updates, merged into one. */
      update: Uint8Array;
      seqs: number[];
      /** The sending node's durable state vector after the commit. */
      stateVector: Uint8Array;
    }
  | { kind: 'awareness'; nodeId: string; update: Uint8Array };

const KIND = { saved: 0, awareness: 1 } as const;

export function encodePeerMessage(message: PeerMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KIND[message.kind]);
  encoding.writeVarString(encoder, message.nodeId);
  encoding.writeVarUint8Array(encoder, message.update);
  if (message.kind === 'saved') {
    encoding.writeVarUint(encoder, message.seqs.length);
    for (const seq of message.seqs) encoding.writeVarUint(encoder, seq);
    encoding.writeVarUint8Array(encoder, message.stateVector);
  }
  return encoding.toUint8Array(encoder);
}

export function decodePeerMessage(bytes: Uint8Array): PeerMessage {
  try {
    const decoder = decoding.createDecoder(bytes);
    const kind = decoding.readVarUint(decoder);
    const nodeId = decoding.readVarString(decoder);
    const update = decoding.readVarUint8Array(decoder).slice();
    let message: PeerMessage;
    if (kind === KIND.saved) {
      const count = decoding.readVarUint(decoder);
      const seqs: number[] = [];
      for (let i = 0; i < count; i++) seqs.push(decoding.readVarUint(decoder));
      const stateVector = decoding.readVarUint8Array(decoder).slice();
      message = { kind: 'saved', nodeId, update, seqs, stateVector };
    } else if (kind === KIND.awareness) {
      message = { kind: 'awareness', nodeId, update };
    } else {
      throw new MalformedMessage(`unknown peer message ${kind}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes');
    return message;
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(error instanceof Error ? error.message : String(error));
  }
}
