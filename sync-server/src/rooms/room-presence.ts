// Presence (awareness) of one room, with the rules stock servers lack (SYNC20): a connection may
// only set and remove its own awareness client ids — the ids it introduced first, at most a few
// — and never one that another connection here, or another node, holds; a read-only connection
// sends no presence at all; and the `user` a state names is the signed-in person, whatever the
// client wrote. Entries that break a rule are dropped (and counted); the rest are applied.
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate as encodeStates,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { AwarenessEntry } from '@threadline/domain/protocol/awareness';
import type { SyncMetrics } from '../operations/metrics.ts';
import { applyAwarenessEntries } from './awareness-entries.ts';
import type { RoomMember } from './room-member.ts';
import { connectionOrigin, originOf, type TransactionOrigin } from './transaction-origin.ts';

/** One tab holds one client id; a few more allow for a replica reset on one connection. */
export const MAX_CLIENT_IDS_PER_CONNECTION = 4;

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export interface PresenceChange {
  update: Uint8Array;
  origin: TransactionOrigin;
}

export class RoomPresence {
  readonly awareness: Awareness;
  readonly #owned = new Map<RoomMember, Set<number>>();
  readonly #owners = new Map<number, RoomMember>();
  readonly #metrics: SyncMetrics;

  constructor(doc: Y.Doc, metrics: SyncMetrics, onChange: (change: PresenceChange) => void) {
    this.#metrics = metrics;
    this.awareness = new Awareness(doc);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', (change: AwarenessChange, rawOrigin: unknown) => {
      const origin = originOf(rawOrigin);
      if (origin.kind === 'connection') this.#track(origin.member, change);
      const changed = [...change.added, ...change.updated, ...change.removed];
      onChange({ update: encodeStates(this.awareness, changed), origin });
    });
  }

  join(member: RoomMember) {
    this.#owned.set(member, new Set());
  }

  /** Removes the member's presence (it left, or became read-only). */
  drop(member: RoomMember) {
    const clients = this.#owned.get(member);
    if (clients && clients.size > 0) {
      removeAwarenessStates(this.awareness, [...clients], connectionOrigin(member));
    }
  }

  leave(member: RoomMember) {
    this.drop(member);
    for (const client of this.#owned.get(member) ?? []) this.#owners.delete(client);
    this.#owned.delete(member);
  }

  /** Applies the entries `member` may send, already decoded whole (SYNC14). */
  apply(member: RoomMember, entries: readonly AwarenessEntry[]) {
    if (member.mode === 'read-only') return this.#refuse('read-only', entries.length);
    const owned = this.#owned.get(member);
    if (!owned) return;
    const states = this.awareness.getStates();
    const accepted: AwarenessEntry[] = [];
    let claimed = owned.size;
    for (const entry of entries) {
      const owner = this.#owners.get(entry.clientId);
      if (owner !== undefined && owner !== member) {
        this.#refuse('not-own-client', 1);
      } else if (owner === undefined && states.has(entry.clientId)) {
        this.#refuse('not-own-client', 1); // held by another node's connection
      } else if (
        owner === undefined &&
        entry.state !== null &&
        claimed >= MAX_CLIENT_IDS_PER_CONNECTION
      ) {
        this.#refuse('too-many-clients', 1);
      } else {
        if (owner === undefined && entry.state !== null) claimed += 1;
        accepted.push({ ...entry, state: stamped(entry.state, member) });
      }
    }
    if (accepted.length === 0) return;
    applyAwarenessEntries(this.awareness, accepted, connectionOrigin(member));
  }

  /** Presence relayed by another node, which checked it already. */
  applyPeer(update: Uint8Array, origin: TransactionOrigin) {
    applyAwarenessUpdate(this.awareness, update, origin);
  }

  /** Every known presence state, or null when nobody has one. */
  encodeAll(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length === 0 ? null : encodeStates(this.awareness, clients);
  }

  destroy() {
    this.awareness.destroy();
  }

  #track(member: RoomMember, { added, updated, removed }: AwarenessChange) {
    const owned = this.#owned.get(member);
    if (!owned) return;
    for (const client of [...added, ...updated]) {
      owned.add(client);
      this.#owners.set(client, member);
    }
    for (const client of removed) {
      owned.delete(client);
      if (this.#owners.get(client) === member) this.#owners.delete(client);
    }
  }

  #refuse(reason: string, count: number) {
    if (count > 0) this.#metrics.refusedPresence.inc({ reason }, count);
  }
}

/** A state naming a `user` names the connection's own person (others see who it really is). */
function stamped(state: unknown, member: RoomMember): unknown {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return state;
  const { user } = state as { user?: unknown };
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return state;
  return { ...state, user: { ...user, id: member.personId, name: member.personName } };
}
