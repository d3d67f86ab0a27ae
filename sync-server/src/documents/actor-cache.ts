// The validators' view of each person (an Actor per document they write to), loaded once and
// shared by all of the person's connections to that document on this node. Any change to an organisation's people (role, team,
// reporting line, status) drops that organisation's actors (SYNC21): the next update reloads
// them, so a manager who loses a report loses the right to edit their goals at once.
import type { Queryable, SessionPerson } from '@threadline/db';
import {
  formatDocumentName,
  type DocumentKindName,
  type DocumentNameOf,
} from '@threadline/domain/documents/names';
import type { DocumentKind } from './document-kind.ts';

type Entry = { ready: true; actor: unknown } | { ready: false; loading: Promise<unknown> };
type Cached = Entry & { loadedAt?: number };

export class ActorCache {
  readonly #db: Queryable;
  #organisations = new Map<string, Map<string, Cached>>();

  constructor(db: Queryable) {
    this.#db = db;
  }

  /** The actor at once when it is cached, else a promise of it. */
  get<Name extends DocumentKindName>(
    document: DocumentNameOf<Name>,
    kind: DocumentKind<Name>,
    person: SessionPerson,
  ): Entry {
    let people = this.#organisations.get(person.organisationId);
    if (!people) this.#organisations.set(person.organisationId, (people = new Map()));
    const id = `${formatDocumentName(document)}\u0000${person.id}`;
    const cached = people.get(id);
    const expired =
      cached?.ready === true &&
      kind.actorMaxAgeMs !== undefined &&
      Date.now() - (cached.loadedAt ?? 0) > kind.actorMaxAgeMs;
    if (cached && !expired) return cached;
    const entries = people;
    const loading = kind.loadActor(this.#db, person, document).then(
      (actor) => {
        // Dropped meanwhile (invalidate): the result may be stale, so it is used once, not kept.
        if (entries.get(id) === entry)
          entries.set(id, { ready: true, actor, loadedAt: Date.now() });
        return actor;
      },
      (error: unknown) => {
        if (entries.get(id) === entry) entries.delete(id);
        throw error;
      },
    );
    const entry: Cached = { ready: false, loading };
    people.set(id, entry);
    return entry;
  }

  invalidate(organisationId: string) {
    this.#organisations.delete(organisationId);
  }
}
