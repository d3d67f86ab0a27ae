// What the people pages send to someone who is not an administrator (ORG16): the directory's
// columns and nothing more. The projection happens on the server, so what a member's browser
// receives is what they may read, whatever the page chooses to show.
import type { PersonDetail, PersonListItem } from '@threadline/db/people';

export interface DirectoryEntry {
  id: string;
  name: string;
  title: string;
  team: { id: string; name: string } | null;
  manager: { id: string; name: string } | null;
}

export function directoryEntry(person: PersonListItem | PersonDetail): DirectoryEntry {
  return {
    id: person.id,
    name: person.name,
    title: person.title,
    team: person.team,
    manager: person.manager ? { id: person.manager.id, name: person.manager.name } : null,
  };
}

/** The goals page with one owner's goals filtered (the page reads `owner`). */
export function goalsOfPath(personId: string): `/goals?owner=${string}` {
  return `/goals?owner=${encodeURIComponent(personId)}`;
}
