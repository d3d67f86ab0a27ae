// Reporting lines: who a person may report to (ORG2, ORG3, ORG14).
import { violation, type RuleViolation } from './violation.ts';

/** Every person of one organisation mapped to their manager's id (null at the top). */
export type ReportingLines = ReadonlyMap<string, string | null>;

export interface ManagerCandidate {
  id: string;
  status: 'invited' | 'active' | 'deactivated';
}

/**
 * The managers above a person, nearest first. Stops at the top, at a person missing from the map,
 * or at a loop already present in the data (which the rules below keep from ever being written).
 */
export function managementChain(lines: ReportingLines, personId: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>([personId]);
  let current = lines.get(personId) ?? null;
  while (current !== null && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = lines.get(current) ?? null;
  }
  return chain;
}

/**
 * Checks giving `personId` the manager `manager` (null: nobody) against the organisation's current
 * reporting lines. Returns the first rule broken, or null when the change may be written.
 */
export function checkManagerChange(
  lines: ReportingLines,
  personId: string,
  manager: ManagerCandidate | null,
): RuleViolation | null {
  if (manager === null) return null;
  if (manager.id === personId) {
    return violation('ORG2', 'Nobody can be their own manager.', 'managerId');
  }
  if (lines.get(personId) === manager.id) return null; // unchanged: an existing line may stay
  if (managementChain(lines, manager.id).includes(personId)) {
    return violation(
      'ORG3',
      'That manager already reports to this person, directly or further down: the change would create a reporting loop.',
      'managerId',
    );
  }
  if (manager.status === 'deactivated') {
    return violation('ORG14', 'A deactivated person cannot become anyone’s manager.', 'managerId');
  }
  return null;
}
