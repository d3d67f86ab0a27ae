// Where Alt+ArrowUp/Down moves a talking point (ONE10): one place up or down within its section,
// and past a section's edge into the next section (the end of the one above, the start of the one
// below). The move itself is one order key (domain edits.ts movePoint); this only picks the spot.
import { AGENDA_SECTIONS, type AgendaSection } from '@threadline/domain/one-on-ones/model';

export interface PointSpot {
  section: AgendaSection;
  /** The index among the target section's other points (the moved one left out). */
  index: number;
}

/** The spot a point moves to by `direction` (-1 up, +1 down), or null at the agenda's ends. */
export function keyboardMoveTarget(
  agenda: Record<AgendaSection, readonly { id: string }[]>,
  pointId: string,
  direction: -1 | 1,
): PointSpot | null {
  const sectionIndex = AGENDA_SECTIONS.findIndex((s) => agenda[s].some((p) => p.id === pointId));
  if (sectionIndex < 0) return null;
  const section = AGENDA_SECTIONS[sectionIndex]!;
  const index = agenda[section].findIndex((p) => p.id === pointId);
  const target = index + direction;
  if (target >= 0 && target < agenda[section].length) return { section, index: target };
  const next = AGENDA_SECTIONS[sectionIndex + direction];
  if (!next) return null;
  return { section: next, index: direction < 0 ? agenda[next].length : 0 };
}

/** The spot a dragged point lands on when dropped on `overId` (before it), or at a section's end
 *  when dropped on the section itself. */
export function dropTarget(
  agenda: Record<AgendaSection, readonly { id: string }[]>,
  draggedId: string,
  section: AgendaSection,
  overId: string | null,
): PointSpot {
  const others = agenda[section].filter((p) => p.id !== draggedId);
  const index = overId === null ? -1 : others.findIndex((p) => p.id === overId);
  return { section, index: index < 0 ? others.length : index };
}
