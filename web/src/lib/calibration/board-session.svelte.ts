// An open calibration board (CAL14–CAL21): the `calibration/<sessionId>` document kept on this
// device and synced like every surface (SC1–SC5), its cards and moves as reactive reads, moves
// through the domain's edit (a justification where CAL17 asks one), presence — who is here, which
// card each looks at, the live ghost of a card another drags — and the notice when another's
// concurrent move replaced one of this device's (CAL19). Opened in the browser only.
import { toast } from 'svelte-sonner';
import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import {
  boxCounts,
  movesInOrder,
  needsJustification,
  readCard,
  standingMoveInstead,
  type Card,
} from '@threadline/domain/calibration/board';
import { moveCard } from '@threadline/domain/calibration/edits';
import type { BoardConfig, Rated } from '@threadline/domain/calibration/model';
import { cardsOf, movesOf } from '@threadline/domain/calibration/shape';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { Presence } from '$lib/sync/presence.svelte';
import { readPresence, type PresenceState } from '$lib/sync/presence';
import { LiveDoc, reactiveYMap } from '$lib/sync/reactive-y.svelte';
import { SyncStatus } from '$lib/sync/sync-status.svelte';
import { openDocument, type SyncedDocument } from '$lib/sync/synced-document';

/** Another client dragging a card: where, as fractions of the grid's width and height. */
export interface Ghost {
  clientId: number;
  user: PresenceState['user'];
  personId: string;
  x: number;
  y: number;
}

/** The awareness field a dragging client publishes (besides `editing`: the card it looks at). */
const DRAGGING = 'dragging';

/** Only the last moves are watched for a concurrent replacement (as the goal tree, GOAL32). */
const WATCHED_MOVES = 50;

function readGhost(clientId: number, state: unknown): Ghost | null {
  const presence = readPresence(state);
  if (!presence) return null;
  const dragging = (state as Record<string, unknown>)[DRAGGING];
  if (typeof dragging !== 'object' || dragging === null) return null;
  const { personId, x, y } = dragging as Record<string, unknown>;
  if (typeof personId !== 'string' || typeof x !== 'number' || typeof y !== 'number') return null;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  return { clientId, user: presence.user, personId, x: clamp(x), y: clamp(y) };
}

export interface BoardOptions {
  sessionId: string;
  syncUrl: string;
  me: { id: string; name: string };
  config: BoardConfig;
  /** The page may write (a participant while in session); the socket may still say read-only. */
  writable: boolean;
  /** Names of people who may have moved cards, by id. */
  names: ReadonlyMap<string, string>;
}

export class BoardSession {
  readonly document: SyncedDocument;
  readonly status: SyncStatus;
  readonly presence: Presence;
  readonly #live: LiveDoc;
  readonly #options: BoardOptions;
  readonly #subscribeAwareness: () => void;
  /** This device's recent moves, to tell when another's concurrent move replaced one. */
  #mine: string[] = [];
  readonly #stops: (() => void)[] = [];
  /* eslint-disable svelte/prefer-svelte-reactivity -- the maps below are built fresh on each read
     and handed out whole (never mutated after), or are a cache no view reads. */
  /**
   * Each card as last read, with the stored values it was read from. A card whose values are the
   * same objects is handed back as the same object, so a move redraws only the cards it touched
   * (the board reads 500 cards on every change; the page's keyed lists skip unchanged items).
   */
  #read = new Map<string, { original: unknown; placement: unknown; card: Card }>();
  loaded = $state(false);
  /** The card whose panel is open. */
  selected: string | null = $state(null);

  constructor(options: BoardOptions) {
    this.#options = options;
    this.document = openDocument({
      name: formatDocumentName({ kind: 'calibration', sessionId: options.sessionId }),
      syncUrl: options.syncUrl,
      user: options.me,
    });
    this.status = new SyncStatus(this.document);
    this.presence = new Presence(this.document, options.me.id);
    this.#live = new LiveDoc(this.document);
    const document = this.document;
    this.#subscribeAwareness = createSubscriber((update) => {
      let awareness = document.awareness;
      awareness.on('change', update);
      const stop = document.onReset(() => {
        awareness.off('change', update);
        awareness = document.awareness;
        awareness.on('change', update);
        update();
      });
      return () => {
        awareness.off('change', update);
        stop();
      };
    });
    void document.whenLoaded().then(() => (this.loaded = true));
    this.#stops.push(
      document.onRefused((reason) => {
        toast.error('The server did not accept a move', {
          description: `${reason}. This device was brought back to the saved board.`,
        });
      }),
    );
    this.#watchReplacedMoves();
  }

  get editable(): boolean {
    return this.#options.writable && !this.status.readOnly && !this.status.stopped;
  }

  get config(): BoardConfig {
    return this.#options.config;
  }

  /** Every card whenever the board changes; an unchanged card is the same object as before. */
  get cards(): Map<string, Card> {
    const doc = this.#live.doc;
    void reactiveYMap(cardsOf(doc), { deep: true }).size;
    const cards = new Map<string, Card>();
    const read = new Map<string, { original: unknown; placement: unknown; card: Card }>();
    for (const [personId, map] of cardsOf(doc).entries()) {
      // Yjs hands back the stored object itself, so an unchanged value is the same object.
      const original = map.get('original');
      const placement = map.get('placement');
      const before = this.#read.get(personId);
      const card =
        before && before.original === original && before.placement === placement
          ? before.card
          : readCard(personId, map, this.#options.config);
      cards.set(personId, card);
      read.set(personId, { original, placement, card });
    }
    this.#read = read;
    return cards;
  }

  counts(cards: Iterable<Card>) {
    return boxCounts(cards);
  }

  /** CAL21: a card's moves, oldest first. */
  history(personId: string) {
    const doc = this.#live.doc;
    void reactiveYMap(movesOf(doc)).size;
    return movesInOrder(doc, personId);
  }

  /** How many moves the board holds. */
  get moveCount(): number {
    return reactiveYMap(movesOf(this.#live.doc)).size;
  }

  needsJustification(card: Card, to: Rated): boolean {
    return needsJustification(card.original, to);
  }

  /**
   * Moves a card (CAL17, CAL18); false when there was nothing to do or a justification is
   * missing. The move is this device's until another's replaces it.
   */
  move(personId: string, to: Rated, justification: string): boolean {
    if (!this.editable) return false;
    const moveId = crypto.randomUUID();
    const result = moveCard(
      this.#live.doc,
      { moveId, personId, to, justification },
      this.#options.config,
      { by: this.#options.me.id },
    );
    if (!result.ok) return false;
    this.#mine = [...this.#mine, moveId].slice(-WATCHED_MOVES);
    return true;
  }

  select(personId: string | null) {
    this.selected = personId;
    this.document.setEditing(personId);
  }

  /** Others looking at (panel open on) a card. */
  lookingAt(personId: string) {
    return this.presence.editing(personId);
  }

  /** Others looking at each card, by card: one pass over the presence, not one per card. */
  get lookers(): Map<string, PresenceState['user'][]> {
    const targets = new Set<string>();
    for (const peer of this.presence.peers) if (peer.editing) targets.add(peer.editing);
    const byCard = new Map<string, PresenceState['user'][]>();
    for (const target of targets) {
      const users = this.presence.editing(target);
      if (users.length > 0) byCard.set(target, users);
    }
    return byCard;
  }
  /* eslint-enable svelte/prefer-svelte-reactivity */

  /** Publishes where this person drags a card (fractions of the grid), or that they stopped. */
  setDragging(dragging: { personId: string; x: number; y: number } | null) {
    if (this.status.readOnly) return;
    this.document.awareness.setLocalStateField(DRAGGING, dragging);
  }

  /** The cards others are dragging now, under their pointers. */
  get ghosts(): Ghost[] {
    this.#subscribeAwareness();
    const awareness = this.document.awareness;
    const ghosts: Ghost[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const ghost = readGhost(clientId, state);
      if (ghost) ghosts.push(ghost);
    }
    return ghosts;
  }

  nameOf(personId: string): string {
    return this.#options.names.get(personId) ?? 'Someone';
  }

  /** CAL19: after a remote change, tells of each of this device's moves another's replaced. */
  #watchReplacedMoves() {
    const check = () => {
      if (this.#mine.length === 0) return;
      const doc = this.document.doc;
      const still: string[] = [];
      for (const moveId of this.#mine) {
        const standing = standingMoveInstead(doc, moveId);
        if (!standing) {
          still.push(moveId);
          continue;
        }
        const mine = movesOf(doc).get(moveId);
        // A move made after mine starts where mine put the card: that is no replacement.
        const after =
          mine !== undefined &&
          standing.from?.rating === mine.to.rating &&
          standing.from.potential === mine.to.potential;
        if (after) continue;
        const who =
          standing.by === this.#options.me.id ? 'your other' : `${this.nameOf(standing.by)}’s`;
        toast.info(`Your move of ${this.nameOf(mine?.personId ?? '')} was replaced`, {
          description: `You and ${this.nameOf(standing.by)} moved them at the same time; ${who} move stands.`,
        });
      }
      this.#mine = still;
    };
    // After each transaction, not on `update`: the sync client applies remote updates without
    // calling update listeners (remote-updates.ts), and one would make Yjs encode every change.
    let doc = this.document.doc;
    const onTransaction = (tr: Y.Transaction) => {
      if (!tr.local) check();
    };
    doc.on('afterTransaction', onTransaction);
    this.#stops.push(
      this.document.onReset((next) => {
        doc.off('afterTransaction', onTransaction);
        doc = next;
        doc.on('afterTransaction', onTransaction);
      }),
      () => doc.off('afterTransaction', onTransaction),
    );
  }

  async destroy() {
    for (const stop of this.#stops) stop();
    await this.document.destroy();
  }
}
