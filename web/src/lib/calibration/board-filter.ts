// CAL43: the board's filters, so 500 cards stay readable: by manager, department and location,
// and a search on name or title (any order of words, case and accents ignored).
import type { Player } from '@threadline/db/calibration-players';

export interface BoardFilter {
  search: string;
  managerId: string;
  department: string;
  location: string;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

export function filterPlayers<
  T extends Pick<Player, 'name' | 'title' | 'managerId' | 'departmentName' | 'location'>,
>(players: readonly T[], filter: BoardFilter): T[] {
  const words = fold(filter.search).split(/\s+/).filter(Boolean);
  return players.filter((player) => {
    if (filter.managerId && player.managerId !== filter.managerId) return false;
    if (filter.department && player.departmentName !== filter.department) return false;
    if (filter.location && player.location !== filter.location) return false;
    if (words.length === 0) return true;
    const text = fold(`${player.name} ${player.title}`);
    return words.every((word) => text.includes(word));
  });
}
