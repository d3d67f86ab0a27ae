// Where a change to a live document came from, attached to every Yjs transaction as its origin.
// The origin alone decides whether the change is saved and to whom it is relayed (SYNC6), so a
// change loaded from storage is never saved again and one relayed from another node (scale-out)
// is never saved twice.
import type { RoomMember } from './room-member.ts';

export type TransactionOrigin =
  /** A client's update, received on one of this node's connections. */
  | { kind: 'connection'; member: RoomMember }
  /** Written by the server itself (migrations, projections' fixes, another document's effects:
   *  a 1:1's check-in applied to a goal, ONE20), on behalf of `personId` when there is one. */
  | { kind: 'server'; personId?: string | null }
  /** Read back from the document log while loading. */
  | { kind: 'storage' }
  /** Relayed from another node, which has saved it already. */
  | { kind: 'peer'; nodeId: string }
  /** Read from the log after loading, because this node missed it (scale-out catch-up). */
  | { kind: 'catch-up' };

export interface OriginPolicy {
  /** Append to the log (and acknowledge after the commit). */
  persist: boolean;
  /** Send to this node's connections (except the one it came from). */
  broadcast: boolean;
}

export function policyFor(origin: TransactionOrigin): OriginPolicy {
  switch (origin.kind) {
    case 'connection':
    case 'server':
      return { persist: true, broadcast: true };
    case 'storage':
      return { persist: false, broadcast: false };
    case 'peer':
    case 'catch-up':
      return { persist: false, broadcast: true };
  }
}

const KINDS = new Set(['connection', 'server', 'storage', 'peer', 'catch-up']);

/** Yjs types origins as `any`; anything that is not one of ours is treated as the server's own
 *  change, which is saved: losing a change is worse than saving one twice (Yjs ignores repeats). */
export function originOf(value: unknown): TransactionOrigin {
  if (
    typeof value === 'object' &&
    value !== null &&
    KINDS.has((value as { kind?: string }).kind!)
  ) {
    return value as TransactionOrigin;
  }
  return { kind: 'server' };
}

/** One origin object per member, so Yjs sees the same origin for each of its transactions. */
const origins = new WeakMap<RoomMember, TransactionOrigin>();
export function connectionOrigin(member: RoomMember): TransactionOrigin {
  let origin = origins.get(member);
  if (!origin) origins.set(member, (origin = { kind: 'connection', member }));
  return origin;
}
