// What a room needs of a connection: a person to attribute changes to, what they may do, and a
// way to reach them. The websocket connection implements it; room tests use a plain object.
import type { CloseCode } from '@threadline/domain/protocol/close-codes';
import type { AccessMode, SyncMessage } from '@threadline/domain/protocol/messages';
import type { OutgoingFrame } from './outgoing-frame.ts';

export interface RoomMember {
  readonly id: number;
  readonly personId: string;
  /** The signed-in person's name, stamped on their presence (SYNC20). */
  readonly personName: string;
  /** Read-only members' updates are refused and their presence dropped (SYNC19). */
  readonly mode: AccessMode;
  send(message: SyncMessage): void;
  /** Sends a message already encoded: a broadcast encodes (and frames) once for all of its
   *  members. */
  sendFrame(frame: OutgoingFrame): void;
  close(code: CloseCode): void;
}
