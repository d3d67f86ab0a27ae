// Who is editing which goal right now, from the presence states of the others (SC6).
import type { Peer } from '$lib/sync/presence';

export type PresenceUser = Peer['user'];

/** Goal id → the people editing it, once per person, oneself (in any tab) left out. */
export function editorsByGoal(
  peers: readonly Peer[],
  selfId: string,
): ReadonlyMap<string, readonly PresenceUser[]> {
  const byGoal = new Map<string, PresenceUser[]>();
  for (const peer of peers) {
    if (peer.editing === null || peer.user.id === selfId) continue;
    const list = byGoal.get(peer.editing) ?? [];
    if (!list.some((user) => user.id === peer.user.id)) list.push(peer.user);
    byGoal.set(peer.editing, list);
  }
  return byGoal;
}
