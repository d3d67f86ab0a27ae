// Who is owed an acknowledgement (SYNC5). A connection is owed Acks while it holds changes that
// no Ack it got covers and that it did not receive from us: its own accepted updates, until the
// commit holding them; and what its sync step 1 says it holds beyond the durable state (changes
// it sent on an earlier connection that are still being saved, or another tab's, read from the
// same device). Changes a connection only received are their sender's to save (SC1), so they
// earn it no Ack: one edit in a room of 500 readers costs one Ack, not 501.
//
// Our own updates are counted in the order they are handed to the saver, which saves them in
// that order; a member owed "up to the nth" is covered once n of them are committed.
import { stateVectorCovers, type StateVector } from '@threadline/domain/protocol/state-vector';
import * as Y from 'yjs';
import type { RoomMember } from './room-member.ts';

interface Owed {
  /** How many of our updates must be committed to cover the member's own. */
  upTo: number;
  /** What the member said it holds, while the durable state does not cover it. */
  claimed: StateVector | undefined;
}

export class Acknowledgements {
  readonly #owed = new Map<RoomMember, Owed>();
  /** Our updates handed to the saver, and how many of them are committed. */
  #accepted = 0;
  #committed = 0;
  #durable: StateVector;

  constructor(durable: Uint8Array) {
    this.#durable = Y.decodeStateVector(durable);
  }

  /** One of our updates went to the saver; `member` made it (undefined: the server did). */
  accepted(member: RoomMember | undefined) {
    this.#accepted += 1;
    if (member) this.#owe(member).upTo = this.#accepted;
  }

  /** A member's sync step 1: it holds `claimed`. */
  claims(member: RoomMember, claimed: StateVector) {
    if (!stateVectorCovers(this.#durable, claimed)) this.#owe(member).claimed = claimed;
  }

  /** `count` more of our updates are committed. */
  committed(count: number) {
    this.#committed += count;
  }

  /** The durable state vector moved on: the members to acknowledge it to. Those it now covers
   *  are owed nothing more. */
  advance(durable: Uint8Array): RoomMember[] {
    this.#durable = Y.decodeStateVector(durable);
    if (this.#owed.size === 0) return [];
    const due = [...this.#owed.keys()];
    for (const [member, owed] of this.#owed) {
      if (owed.claimed && stateVectorCovers(this.#durable, owed.claimed)) owed.claimed = undefined;
      if (owed.upTo <= this.#committed && !owed.claimed) this.#owed.delete(member);
    }
    return due;
  }

  leave(member: RoomMember) {
    this.#owed.delete(member);
  }

  /** Members owed an Ack (tests). */
  get owedCount(): number {
    return this.#owed.size;
  }

  #owe(member: RoomMember): Owed {
    let owed = this.#owed.get(member);
    if (!owed) this.#owed.set(member, (owed = { upTo: 0, claimed: undefined }));
    return owed;
  }
}
