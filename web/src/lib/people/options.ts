// Choices offered by the people pages' selects, with the labels people read.
import type { CycleStatus } from '@threadline/domain/org/cycles';
import type { Location, PersonStatus, Role } from '@threadline/domain/org/person-fields';
import { buildTeamTree, type TeamNode } from '@threadline/domain/org/teams';

export interface Option {
  value: string;
  label: string;
  /** Shown indented under the option before it (a team under its department). */
  indent?: boolean;
}

export const ROLE_OPTIONS: Option[] = [
  { value: 'member', label: 'Member' },
  { value: 'admin', label: 'Administrator' },
];
export const roleLabel = (role: Role) => (role === 'admin' ? 'Administrator' : 'Member');

export const LOCATION_OPTIONS: (Option & { value: Location })[] = [
  { value: 'office', label: 'Office' },
  { value: 'hybrid', label: 'Hybrid' },
  { value: 'remote', label: 'Remote' },
];

export const STATUS_FILTER_OPTIONS: (Option & { value: PersonStatus | '' })[] = [
  { value: '', label: 'Any status' },
  { value: 'active', label: 'Active' },
  { value: 'invited', label: 'Invited' },
  { value: 'deactivated', label: 'Deactivated' },
];

export const CYCLE_STATUS_OPTIONS: (Option & { value: CycleStatus })[] = [
  { value: 'planned', label: 'Planned' },
  { value: 'active', label: 'Active' },
  { value: 'closed', label: 'Closed' },
];

/** Departments, each followed by its teams indented; teams without a department last. */
export function teamOptions(teams: readonly TeamNode[]): Option[] {
  const { departments, orphans } = buildTeamTree(teams);
  return [
    ...departments.flatMap((department) => [
      { value: department.team.id, label: department.team.name },
      ...department.children.map((child) => ({
        value: child.team.id,
        label: child.team.name,
        indent: true,
      })),
    ]),
    ...orphans.map((team) => ({ value: team.id, label: team.name })),
  ];
}

/** Only departments: where a team can sit (ORG6). */
export function departmentOptions(teams: readonly TeamNode[]): Option[] {
  return buildTeamTree(teams).departments.map((node) => ({
    value: node.team.id,
    label: node.team.name,
  }));
}
