// A person's notifications and muted kinds (NUD18–NUD20): what the bell, the list and the account
// settings read and write. Every query is scoped by the person's organisation and id, so nobody
// reads or marks another's. Writes fire the notifications trigger, which tells every web process
// to push the new state to that person's open pages (NUD17).
import type pg from 'pg';
import {
  isNudgeKind,
  type NotificationItem,
  type NotificationState,
  type NudgeKind,
} from '@threadline/domain/notifications/model';
import { inTransaction, type Queryable } from './connection.ts';

export interface NotificationOwner {
  id: string;
  organisationId: string;
}

export type { NotificationState };

interface NotificationRow {
  id: string;
  kind: string;
  link: string;
  payload: NotificationItem['payload'];
  created_at: Date;
  read_at: Date | null;
}

function toItem(row: NotificationRow): NotificationItem | null {
  if (!isNudgeKind(row.kind)) return null;
  return {
    id: row.id,
    kind: row.kind,
    link: row.link,
    payload: row.payload,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

/** NUD18, NUD19: the open notifications, newest first, and how many are unread. */
export async function notificationState(
  db: Queryable,
  person: NotificationOwner,
  limit = 10,
): Promise<NotificationState> {
  const [items, unread] = await Promise.all([
    db.query<NotificationRow>(
      `SELECT id, kind, link, payload, created_at, read_at FROM notifications
        WHERE organisation_id = $1 AND person_id = $2 AND cleared_at IS NULL
        ORDER BY created_at DESC, id
        LIMIT $3`,
      [person.organisationId, person.id, limit],
    ),
    db.query<{ unread: number }>(
      `SELECT count(*)::int AS unread FROM notifications
        WHERE organisation_id = $1 AND person_id = $2 AND cleared_at IS NULL AND read_at IS NULL`,
      [person.organisationId, person.id],
    ),
  ]);
  return {
    unread: unread.rows[0]?.unread ?? 0,
    items: items.rows.map(toItem).filter((item) => item !== null),
  };
}

/** NUD18: marks one of the person's notifications read (another's id changes nothing). */
export async function markNotificationRead(
  db: Queryable,
  person: NotificationOwner,
  id: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE notifications SET read_at = now()
      WHERE organisation_id = $1 AND person_id = $2 AND id = $3 AND read_at IS NULL`,
    [person.organisationId, person.id, id],
  );
  return (rowCount ?? 0) > 0;
}

/** NUD18: marks every open notification of the person read. */
export async function markAllNotificationsRead(
  db: Queryable,
  person: NotificationOwner,
): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE notifications SET read_at = now()
      WHERE organisation_id = $1 AND person_id = $2 AND cleared_at IS NULL AND read_at IS NULL`,
    [person.organisationId, person.id],
  );
  return rowCount ?? 0;
}

/** NUD20: the kinds the person muted. */
export async function mutedKinds(db: Queryable, person: NotificationOwner): Promise<NudgeKind[]> {
  const { rows } = await db.query<{ kind: string }>(
    `SELECT kind FROM notification_mutes WHERE organisation_id = $1 AND person_id = $2
      ORDER BY kind`,
    [person.organisationId, person.id],
  );
  return rows.map((row) => row.kind).filter(isNudgeKind);
}

/** NUD20: sets the person's muted kinds; muting clears their open notifications of those kinds. */
export async function setMutedKinds(
  pool: pg.Pool,
  person: NotificationOwner,
  kinds: NudgeKind[],
): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await tx.query(
      `DELETE FROM notification_mutes
        WHERE organisation_id = $1 AND person_id = $2 AND NOT (kind = ANY($3::text[]))`,
      [person.organisationId, person.id, kinds],
    );
    await tx.query(
      `INSERT INTO notification_mutes (organisation_id, person_id, kind)
       SELECT $1, $2, unnest($3::text[])
       ON CONFLICT DO NOTHING`,
      [person.organisationId, person.id, kinds],
    );
    await tx.query(
      `UPDATE notifications SET cleared_at = now()
        WHERE organisation_id = $1 AND person_id = $2 AND cleared_at IS NULL
          AND kind = ANY($3::text[])`,
      [person.organisationId, person.id, kinds],
    );
  });
}
