// What the signals read (CAL47): the board's cards as the page reads them (board.ts: each card's
// original and where it sits now, CAL20) and, per person, the player data the server sends with
// the page (db/src/calibration-players.ts). Nothing else: the browser recomputes every signal
// from its own replica after each change, and any replica gives the same numbers.
import type { Card } from '../board.ts';
import type { BoardConfig, Rated } from '../model.ts';

export type Location = 'remote' | 'office' | 'hybrid';

/** The player data a signal may read about one person. */
export interface SignalPerson {
  personId: string;
  managerId: string | null;
  location: Location;
  /** YYYY-MM-DD, or null: unknown. */
  hireDate: string | null;
  /** '' when the person has no job level. */
  jobLevel: string;
  /** Mean progress (0–1) of the person's goals in the cycle (CAL42); null: no goals with progress. */
  goalAchievement: number | null;
}

/** What the signals read of each player the server sends (db/src/calibration-players.ts): the
 *  board's page, its report and the calibration analytics (ANA41) map players alike, so the
 *  three show the same numbers. */
export function signalPeople(
  players: readonly ({ id: string } & Omit<SignalPerson, 'personId'>)[],
): Map<string, SignalPerson> {
  return new Map(
    players.map((player) => [
      player.id,
      {
        personId: player.id,
        managerId: player.managerId,
        location: player.location,
        hireDate: player.hireDate,
        jobLevel: player.jobLevel,
        goalAchievement: player.goalAchievement,
      },
    ]),
  );
}

/** The session's configuration the signals need: the scale, its bands and the guideline. */
export interface SignalConfig extends BoardConfig {
  /** Percent per rating value (CAL3), as the session stores it: {"1":10,"2":20,…}. */
  guideline: Readonly<Record<string, number>>;
}

/** A card as the signals read it: its original and where it sits now. */
export type SignalCard = Pick<Card, 'personId' | 'current' | 'box'> & {
  original: Rated | null;
};

export interface SignalInput {
  cards: Iterable<SignalCard>;
  people: ReadonlyMap<string, SignalPerson>;
  config: SignalConfig;
  /** The day tenure is counted to, YYYY-MM-DD. */
  today: string;
}

/** The placed cards' current ratings with their people, in one pass (CAL47: only placed cards
 *  count; a card whose person the page does not know counts in the distribution only). */
export function placedRatings(
  cards: Iterable<SignalCard>,
  people: ReadonlyMap<string, SignalPerson>,
): { rating: number; person: SignalPerson | undefined; card: SignalCard }[] {
  const placed: { rating: number; person: SignalPerson | undefined; card: SignalCard }[] = [];
  for (const card of cards) {
    if (card.current === null) continue;
    placed.push({ rating: card.current.rating, person: people.get(card.personId), card });
  }
  return placed;
}
