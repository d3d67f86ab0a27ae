// The team hierarchy: departments at the top, teams inside them (ORG6, ORG7, ORG8).
import { violation, type RuleViolation } from './violation.ts';

export type TeamKind = 'department' | 'team';
export const TEAM_KINDS: readonly TeamKind[] = ['department', 'team'];
export const TEAM_NAME_MAX = 200;

export interface TeamNode {
  id: string;
  name: string;
  kind: TeamKind;
  parentId: string | null;
}

/** ORG8: names compare without surrounding or doubled whitespace, ignoring case. */
export function normaliseTeamName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

export function checkTeamName(name: string): RuleViolation | null {
  const normalised = normaliseTeamName(name);
  if (normalised.length === 0) return violation('ORG8', 'Give the team a name.', 'name');
  if (normalised.length > TEAM_NAME_MAX) {
    return violation('ORG8', `Keep the name under ${TEAM_NAME_MAX} characters.`, 'name');
  }
  return null;
}

/** ORG8: another team of the organisation already has this name, ignoring case. */
export function findNameClash(
  teams: readonly TeamNode[],
  name: string,
  exceptId?: string,
): TeamNode | undefined {
  const wanted = normaliseTeamName(name).toLowerCase();
  return teams.find((team) => team.id !== exceptId && team.name.toLowerCase() === wanted);
}

/**
 * ORG6: a department has no parent; a team's parent is a department of the same organisation.
 * `parent` is the looked-up parent row (undefined when the id matched no team of the organisation).
 */
export function checkPlacement(
  kind: TeamKind,
  parentId: string | null,
  parent: TeamNode | undefined,
): RuleViolation | null {
  if (kind === 'department') {
    return parentId === null
      ? null
      : violation('ORG6', 'A department sits at the top: it cannot have a parent.', 'parentId');
  }
  if (parentId === null || parent === undefined) {
    return violation('ORG6', 'Choose the department this team belongs to.', 'parentId');
  }
  if (parent.kind !== 'department') {
    return violation('ORG6', 'A team’s parent must be a department, not another team.', 'parentId');
  }
  return null;
}

export interface TeamContents {
  id: string;
  peopleCount: number;
  childTeamCount: number;
}

/**
 * ORG7: a team still holding people is deleted only when its people move to another team in the
 * same step; a department with teams inside is never deleted (move or delete the teams first).
 */
export function checkDeletion(team: TeamContents, moveToId: string | null): RuleViolation | null {
  if (team.childTeamCount > 0) {
    return violation(
      'ORG7',
      `This department still has ${team.childTeamCount} ${team.childTeamCount === 1 ? 'team' : 'teams'}: move or delete ${team.childTeamCount === 1 ? 'it' : 'them'} first.`,
    );
  }
  if (team.peopleCount > 0 && moveToId === null) {
    return violation(
      'ORG7',
      `${team.peopleCount} ${team.peopleCount === 1 ? 'person is' : 'people are'} still in it: choose a team to move them to, or move them first.`,
      'moveTo',
    );
  }
  if (moveToId === team.id) {
    return violation('ORG7', 'Choose a different team to move its people to.', 'moveTo');
  }
  return null;
}

export interface TeamTreeNode<T extends TeamNode> {
  team: T;
  children: TeamTreeNode<T>[];
}

/**
 * Departments with their teams, sorted by name; teams whose parent is missing (or not a
 * department, as imported data may have it) come last under `orphans`.
 */
export function buildTeamTree<T extends TeamNode>(
  teams: readonly T[],
): { departments: TeamTreeNode<T>[]; orphans: T[] } {
  const byName = (a: { name: string }, b: { name: string }) =>
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
  const departments = teams
    .filter((team) => team.kind === 'department')
    .sort(byName)
    .map((team) => ({ team, children: [] as TeamTreeNode<T>[] }));
  const departmentById = new Map(departments.map((node) => [node.team.id, node]));
  const orphans: T[] = [];
  for (const team of [...teams].sort(byName)) {
    if (team.kind !== 'team') continue;
    const parent = team.parentId === null ? undefined : departmentById.get(team.parentId);
    if (parent) parent.children.push({ team, children: [] });
    else orphans.push(team);
  }
  return { departments, orphans };
}
