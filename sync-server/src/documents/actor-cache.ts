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
type Cached = Entry & { loadedAt?: number; refreshing?: boolean };

export class ActorCache {
  readonly #db: Queryable;
  #organisations = new Map<string, Map<string, Cached>>();

  constructor(db: Queryable) {
    this.#db = db;
  }

  /** The actor at once when it is cached, else a promise of it. An actor older than its kind's
   *  `actorMaxAgeMs` is still used while a fresh one loads in the background: reloading in the
   *  sender's way held each connection's updates back for a database round trip every 15 s
   *  (the 1:1 agendas' tail latency, BENCHMARKS.md). What must take effect at once — a change to
   *  the organisation's people — drops the actors instead (`invalidate`). */
  get<Name extends DocumentKindName>(
    document: DocumentNameOf<Name>,
    kind: DocumentKind<Name>,
    person: SessionPerson,
  ): Entry {
    let people = this.#organisations.get(person.organisationId);
    if (!people) this.#organisations.set(person.organisationId, (people = new Map()));
    const id = `${formatDocumentName(document)}\u0000${person.id}`;
    const cached = people.get(id);
    if (cached?.ready) {
      const expired =
        kind.actorMaxAgeMs !== undefined &&
        Date.now() - (cached.loadedAt ?? 0) > kind.actorMaxAgeMs;
      if (expired && !cached.refreshing) this.#refresh(people, id, cached, kind, person, document);
      return cached;
    }
    if (cached) return cached;
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

  /** Loads `stale`'s actor again and puts it in its place, unless it was dropped meanwhile. A
   *  failed reload keeps the old one and tries again on a later update. */
  #refresh<Name extends DocumentKindName>(
    entries: Map<string, Cached>,
    id: string,
    stale: Cached,
    kind: DocumentKind<Name>,
    person: SessionPerson,
    document: DocumentNameOf<Name>,
  ) {
    stale.refreshing = true;
    kind.loadActor(this.#db, person, document).then(
      (actor) => {
        if (entries.get(id) === stale)
          entries.set(id, { ready: true, actor, loadedAt: Date.now() });
      },
      () => {
        stale.refreshing = false;
      },
    );
  }

  invalidate(organisationId: string) {
    this.#organisations.delete(organisationId);
  }
}
