// Server side of a board's replay (CAL26, CAL46): reads the board's update log, lists the moments
// it changed and reads the board as it was at the one asked for, with the moves made then. Who
// may read it is the board's own access rule (document-access.ts), which the page applies first.
import type { Pool } from '@threadline/db';
import {
  boardCards,
  boxCounts,
  movesInOrder,
  type Move,
} from '@threadline/domain/calibration/board';
import type { BoardConfig } from '@threadline/domain/calibration/model';
import type { BoxNumber } from '@threadline/domain/calibration/nine-box';
import { replicaAsOf, timelineOf } from '@threadline/domain/calibration/replay';
import { PostgresDocumentStorage } from '@threadline/sync-server/persistence/postgres-storage';
import type { DocumentKey } from '@threadline/sync-server/persistence/document-storage';

export interface ReplayStop {
  /** ISO time the board changed. */
  at: string;
  /** Who sent the change (null: the server, e.g. building the board). */
  byId: string | null;
}

export interface ReplayCard {
  personId: string;
  box: BoxNumber | null;
  /** The card sits away from its original. */
  moved: boolean;
}

export interface BoardReplay {
  /** Oldest first. */
  stops: ReplayStop[];
  /** The index of the stop shown; -1 when the board has no logged change yet. */
  shown: number;
  cards: ReplayCard[];
  counts: ReturnType<typeof boxCounts>;
  /** The moves made at the moment shown (the log's updates received then). */
  moves: Move[];
}

/** CAL46: the replay of `key`'s board, at the stop whose time is `at` (else the latest). */
export async function boardReplay(
  pool: Pool,
  key: DocumentKey,
  config: BoardConfig,
  at: string | null,
): Promise<BoardReplay> {
  const log = await new PostgresDocumentStorage(pool).changesOf(key);
  const times = timelineOf(log);
  const stops = times.map((time) => ({
    at: time.toISOString(),
    byId: log.find((row) => row.receivedAt.getTime() === time.getTime())?.personId ?? null,
  }));
  const asked = stops.findIndex((stop) => stop.at === at);
  const shown = asked >= 0 ? asked : stops.length - 1;
  if (shown < 0) {
    return { stops, shown, cards: [], counts: boxCounts([]), moves: [] };
  }
  const doc = replicaAsOf(log, times[shown]!);
  const before = shown > 0 ? replicaAsOf(log, times[shown - 1]!) : null;
  const earlier = new Set(before ? movesInOrder(before).map((move) => move.id) : []);
  const cards = [...boardCards(doc, config).values()];
  return {
    stops,
    shown,
    cards: cards.map((card) => ({
      personId: card.personId,
      box: card.box,
      moved:
        card.placement !== null &&
        (card.original === null ||
          card.original.rating !== card.placement.rating ||
          card.original.potential !== card.placement.potential),
    })),
    counts: boxCounts(cards),
    moves: movesInOrder(doc).filter((move) => !earlier.has(move.id)),
  };
}
