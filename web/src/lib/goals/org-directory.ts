// The organisation as the goal tree needs it: people (names for owners, reporting lines for edit
// rights, status for "owner left") and teams. Loaded once with the page; the goal document itself
// only stores ids.

export type PersonStatus = 'invited' | 'active' | 'deactivated';
export type PersonRole = 'admin' | 'member';

export interface DirectoryPerson {
  id: string;
  name: string;
  managerId: string | null;
  teamId: string | null;
  status: PersonStatus;
  role: PersonRole;
}

export interface DirectoryTeam {
  id: string;
  name: string;
  kind: 'department' | 'team';
  parentId: string | null;
}

export interface OrgDirectory {
  people: DirectoryPerson[];
  teams: DirectoryTeam[];
}

/** Lookups over an OrgDirectory, built once per page. */
export class Directory {
  readonly people: readonly DirectoryPerson[];
  readonly teams: readonly DirectoryTeam[];
  readonly #people: Map<string, DirectoryPerson>;
  readonly #teams: Map<string, DirectoryTeam>;
  #reports: Map<string, string[]> | null = null;

  constructor(directory: OrgDirectory) {
    this.people = directory.people;
    this.teams = directory.teams;
    this.#people = new Map(directory.people.map((person) => [person.id, person]));
    this.#teams = new Map(directory.teams.map((team) => [team.id, team]));
  }

  person(id: string | null): DirectoryPerson | undefined {
    return id === null ? undefined : this.#people.get(id);
  }

  team(id: string | null): DirectoryTeam | undefined {
    return id === null ? undefined : this.#teams.get(id);
  }

  personName(id: string | null): string {
    if (id === null) return 'No owner';
    return this.#people.get(id)?.name ?? 'Unknown person';
  }

  teamName(id: string | null): string {
    if (id === null) return 'No team';
    return this.#teams.get(id)?.name ?? 'Unknown team';
  }

  /** Direct reports of a person, whatever their status. */
  directReports(id: string): readonly string[] {
    if (!this.#reports) {
      this.#reports = new Map();
      for (const person of this.people) {
        if (person.managerId === null) continue;
        const list = this.#reports.get(person.managerId) ?? [];
        list.push(person.id);
        this.#reports.set(person.managerId, list);
      }
    }
    return this.#reports.get(id) ?? [];
  }

  /** Everyone below a person in the reporting lines, at any depth. */
  allReports(id: string): Set<string> {
    const found = new Set<string>();
    const stack = [...this.directReports(id)];
    while (stack.length > 0) {
      const next = stack.pop()!;
      // The reporting lines are kept acyclic (ORG3); the check only bounds a broken row.
      if (found.has(next) || next === id) continue;
      found.add(next);
      stack.push(...this.directReports(next));
    }
    return found;
  }

  /** Active people, the ones a goal can be handed to. */
  activePeople(): DirectoryPerson[] {
    return this.people.filter((person) => person.status === 'active');
  }
}
