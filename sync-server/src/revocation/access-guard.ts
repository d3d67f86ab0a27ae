// Keeps every open connection's access true while it stays open (SYNC23). It re-checks the
// connections a notice concerns — the session still valid, the person still active, the document
// still open to them and in which mode — and closes (4401, 4403) or changes the mode of those
// whose answer changed. It also re-checks connections whose session reached its expiry (the web
// app may have extended it) and, after notices may have been lost, everyone.
import type { Pool, SessionPerson } from '@threadline/db';
import type { Logger } from 'pino';
import type {
  DocumentKindName,
  DocumentName,
  DocumentNameOf,
} from '@threadline/domain/documents/names';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import type { AccessMode } from '@threadline/domain/protocol/messages';
import type { DocumentAccess } from '../auth/document-access.ts';
import type { ActorCache } from '../documents/actor-cache.ts';
import { kindOf, type DocumentKinds } from '../documents/document-kind.ts';
import type { SyncMetrics } from '../operations/metrics.ts';
import type { AccessNotice, RecordsNotice } from './access-notice.ts';

/** What the guard needs of a connection. */
export interface GuardedConnection {
  sessionId: string;
  expiresAt: Date;
  person: SessionPerson;
  document: DocumentName;
  readonly mode: AccessMode;
  setMode(mode: AccessMode): void;
  close(code: CloseCode): void;
}

export interface AccessGuardOptions {
  db: Pool;
  access: DocumentAccess;
  kinds: DocumentKinds;
  actors: ActorCache;
  metrics: SyncMetrics;
  log: Logger;
}

interface SessionRow {
  id: string;
  expires_at: Date;
  status: string;
  role: SessionPerson['role'];
  name: string;
  email: string;
}

export class AccessGuard {
  readonly #open = new Set<GuardedConnection>();
  readonly #options: AccessGuardOptions;
  /** Counts notices (and resyncs) received, so a connection admitted meanwhile is re-checked. */
  noticesHandled = 0;

  constructor(options: AccessGuardOptions) {
    this.#options = options;
  }

  add(connection: GuardedConnection) {
    this.#open.add(connection);
  }

  remove(connection: GuardedConnection) {
    this.#open.delete(connection);
  }

  /** Applies a notice from the database; resolves when the affected connections are checked. */
  handle(notice: AccessNotice): Promise<void> {
    this.noticesHandled += 1;
    const { organisationId } = notice;
    if (notice.kind === 'people') this.#options.actors.invalidate(organisationId);
    const inOrganisation = [...this.#open].filter(
      (c) => c.person.organisationId === organisationId,
    );
    switch (notice.kind) {
      case 'sessions': {
        const ended = new Set(notice.sessionIds);
        return this.review(inOrganisation.filter((c) => ended.has(c.sessionId)));
      }
      case 'people': {
        if (notice.personIds === null) return this.review(inOrganisation);
        const people = new Set(notice.personIds);
        return this.review(inOrganisation.filter((c) => people.has(c.person.id)));
      }
      case 'records':
        return this.review(inOrganisation.filter((c) => this.#affects(notice, c.document)));
    }
  }

  /** Whether the records changed may change access to `document`: its kind's rule. */
  #affects<Name extends DocumentKindName>(notice: RecordsNotice, document: DocumentNameOf<Name>) {
    return kindOf(this.#options.kinds, document)?.affectedBy?.(notice, document) ?? false;
  }

  /** Notices may have been lost: every organisation's actors and every connection again. */
  resync(): Promise<void> {
    this.noticesHandled += 1;
    for (const connection of this.#open) {
      this.#options.actors.invalidate(connection.person.organisationId);
    }
    return this.review([...this.#open]);
  }

  /** Connections whose session has reached its expiry (SYNC23). */
  sweepExpired(now = new Date()): Promise<void> {
    return this.review([...this.#open].filter((c) => c.expiresAt <= now));
  }

  async review(connections: readonly GuardedConnection[]): Promise<void> {
    if (connections.length === 0) return;
    const { access, metrics, log } = this.#options;
    try {
      const sessions = await this.#sessions(connections.map((c) => c.sessionId));
      const decisions = new Map<string, ReturnType<DocumentAccess['check']>>();
      await Promise.all(
        connections.map(async (connection) => {
          const session = sessions.get(connection.sessionId);
          if (!session || session.expires_at <= new Date() || session.status !== 'active') {
            metrics.accessChanges.inc({ change: 'signed-out' });
            log.info({ personId: connection.person.id }, 'session ended; closing its connection');
            return connection.close(CloseCode.Unauthorized);
          }
          connection.expiresAt = session.expires_at;
          const person = { ...connection.person, role: session.role, name: session.name };
          connection.person = person;
          const id = `${person.id}\u0000${person.role}\u0000${JSON.stringify(connection.document)}`;
          let decision = decisions.get(id);
          if (!decision) decisions.set(id, (decision = access.check(person, connection.document)));
          const answer = await decision;
          if (!answer.granted) {
            metrics.accessChanges.inc({ change: 'forbidden' });
            log.info({ personId: person.id }, 'access revoked; closing the connection');
            return connection.close(answer.code);
          }
          if (answer.mode === connection.mode) return;
          metrics.accessChanges.inc({ change: answer.mode });
          connection.setMode(answer.mode);
        }),
      );
    } catch (error) {
      // Keep the connections rather than close everyone on a database hiccup; the next notice,
      // sweep or resync checks them again.
      log.error({ err: error }, 'could not re-check access');
    }
  }

  async #sessions(ids: string[]): Promise<Map<string, SessionRow>> {
    const { rows } = await this.#options.db.query<SessionRow>(
      `SELECT s.id, s.expires_at, p.status, p.role, p.name, p.email
         FROM sessions s
         JOIN people p ON p.id = s.person_id AND p.organisation_id = s.organisation_id
        WHERE s.id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }
}
