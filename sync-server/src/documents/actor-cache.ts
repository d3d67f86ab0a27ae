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
import type { ActorContext, DocumentKind } from './document-kind.ts';

type Entry = { ready: true; actor: unknown } | { ready: false; loading: Promise<unknown> };
type Cached = Entry & { loadedAt?: number; refreshing?: boolean };

export class ActorCache {
  readonly #db: Queryable;
  readonly #read: ActorContext['read'];
  #organisations = new Map<string, Map<string, Cached>>();

  /** `read`: other documents as this node holds them live (the room registry's). */
  constructor(db: Queryable, read: ActorContext['read']) {
    this.#db = db;
    this.#read = read;
  }

  #people(organisationId: string): Map<string, Cached> {
    let people = this.#organisations.get(organisationId);
    if (!people) this.#organisations.set(organisationId, (people = new Map()));
    return people;
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
    const people = this.#people(person.organisationId);
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
    const loading = kind.loadActor(this.#db, person, document, { read: this.#read }).then(
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
    kind.loadActor(this.#db, person, document, { read: this.#read }).then(
      (actor) => {
        if (entries.get(id) === stale)
          entries.set(id, { ready: true, actor, loadedAt: Date.now() });
      },
      () => {
        stale.refreshing = false;
      },
    );
  }

  /**
   * Loads the actor again with `hint` (a refused verdict's `recheck`, ONE52) and keeps it for
   * the person's next updates to `document`. Never fails: on an error the cached actor stays,
   * and the update it was loaded for is judged with that one (and refused).
   */
  async recheck<Name extends DocumentKindName>(
    document: DocumentNameOf<Name>,
    kind: DocumentKind<Name>,
    person: SessionPerson,
    hint: unknown,
  ): Promise<void> {
    const people = this.#people(person.organisationId);
    const id = `${formatDocumentName(document)}\u0000${person.id}`;
    try {
      const actor = await kind.loadActor(this.#db, person, document, { hint, read: this.#read });
      // Dropped meanwhile (invalidate): the next update loads afresh.
      if (this.#organisations.get(person.organisationId) === people) {
        people.set(id, { ready: true, actor, loadedAt: Date.now() });
      }
    } catch {
      // The cached actor stays (see above).
    }
  }

  invalidate(organisationId: string) {
    this.#organisations.delete(organisationId);
  }
}
