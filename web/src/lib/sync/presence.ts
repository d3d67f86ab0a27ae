// Presence (y-protocols awareness): who has a document open and what each of them is editing.
// Other clients' states arrive as untrusted JSON, so they are read through a shape check.
import type { Awareness } from 'y-protocols/awareness';

export interface PresenceUser {
  id: string;
  name: string;
}

/** What each client publishes about itself (a type, not an interface: awareness states are
 *  string-keyed records). */
export type PresenceState = {
  user: PresenceUser & { colour: string };
  /** The id of the field or goal being edited, or null. */
  editing: string | null;
};

/** A client currently in the document (one person may have several tabs open). */
export type Peer = PresenceState & { clientId: number };

/**
 * Colours that keep 4.5:1 contrast with white text and are told apart by hue; every surface
 * also shows the name, so colour is never the only cue.
 */
export const PRESENCE_COLOURS = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7e22ce',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
] as const;

/** The same colour for a person on every device and visit. */
export function colourFor(personId: string): string {
  let hash = 0;
  for (let i = 0; i < personId.length; i++) hash = (hash * 31 + personId.charCodeAt(i)) >>> 0;
  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length]!;
}

export function presenceState(user: PresenceUser, editing: string | null = null): PresenceState {
  return { user: { id: user.id, name: user.name, colour: colourFor(user.id) }, editing };
}

/** A received state as a PresenceState, or null when it does not have that shape. */
export function readPresence(state: unknown): PresenceState | null {
  if (typeof state !== 'object' || state === null) return null;
  const { user, editing } = state as Record<string, unknown>;
  if (typeof user !== 'object' || user === null) return null;
  const { id, name, colour } = user as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string') return null;
  return {
    user: {
      id,
      name,
      // A colour is drawn into styles: only accept one of ours, never arbitrary CSS.
      colour:
        typeof colour === 'string' && (PRESENCE_COLOURS as readonly string[]).includes(colour)
          ? colour
          : colourFor(id),
    },
    editing: typeof editing === 'string' ? editing : null,
  };
}

/** Every other client with a well-formed presence, in a stable order. */
export function peersOf(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const presence = readPresence(state);
    if (presence) peers.push({ clientId, ...presence });
  }
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}

/** The other people here, once each (several tabs of one person count once). */
export function peopleHere(peers: readonly Peer[], selfId?: string): Peer['user'][] {
  const people = new Map<string, Peer['user']>();
  for (const peer of peers) {
    if (peer.user.id !== selfId && !people.has(peer.user.id)) people.set(peer.user.id, peer.user);
  }
  return [...people.values()];
}

/** Who is editing `target` (a field or goal id) right now, once each. */
export function editorsOf(peers: readonly Peer[], target: string): Peer['user'][] {
  return peopleHere(peers.filter((peer) => peer.editing === target));
}
