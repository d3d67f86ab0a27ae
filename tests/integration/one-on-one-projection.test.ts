// A 1:1's agenda and moods reach the analytics tables after each commit (ONE15, SYNC24); private
// notes never do.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addMeeting,
  addPoint,
  setActionDone,
  setMood,
  setPointDone,
} from '@threadline/domain/one-on-ones/edits';
import { PRODUCTION_KINDS } from '@threadline/sync-server/documents/production-kinds';
import { createOrganisation, createSeries } from '../support/factories.ts';
import { useSyncServer } from '../support/sync-server.ts';
import { eventually, openRaw, signInWith } from './sync-support.ts';

const sync = useSyncServer({
  config: {
    projection: {
      delayMs: 50,
      maxDelayMs: 200,
      allEveryMs: 3_600_000,
      retry: { initialMs: 100, maxMs: 1000 },
    },
  },
});
const point = (n: number) => `b0000000-0000-4000-8000-00000000000${n}`;
const action = (n: number) => `c0000000-0000-4000-8000-00000000000${n}`;

function update(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  change(doc);
  return Y.mergeUpdates(updates);
}

describe('1:1 projection', () => {
  it('[ONE15] projects meetings, action items (carried, overdue) and moods; never private notes', async () => {
    const organisationId = (await createOrganisation(sync.db.pool)).id;
    const manager = await signInWith(sync.db.pool, organisationId);
    const employee = await signInWith(sync.db.pool, organisationId, {
      managerId: manager.personId,
    });
    const seriesId = await createSeries(
      sync.db.pool,
      organisationId,
      manager.personId,
      employee.personId,
    );

    const agenda = await openRaw(sync.port, `one-on-one/${seriesId}`, manager.cookie);
    await agenda.until(() => agenda.acks().length > 0);
    agenda.sendUpdate(
      update((doc) => {
        const by = { by: manager.personId, at: '2026-11-02T10:00:00.000Z' };
        addMeeting(doc, '2026-11-02', '2026-11-02', by);
        addMeeting(doc, '2026-11-09', '2026-11-09', by);
        addPoint(doc, point(1), { meetingId: '2026-11-02', section: 'align', text: 'Roadmap' }, by);
        addPoint(
          doc,
          point(2),
          { meetingId: '2026-11-02', section: 'achieve', text: 'Hiring' },
          by,
        );
        setPointDone(doc, point(2), true);
        addAction(
          doc,
          action(1),
          {
            meetingId: '2026-11-02',
            title: 'Write RFC',
            ownerId: employee.personId,
            dueDate: '2026-11-05',
          },
          by,
        );
        addAction(
          doc,
          action(2),
          { meetingId: '2026-11-02', title: 'Book room', ownerId: manager.personId, dueDate: null },
          by,
        );
        setActionDone(doc, action(2), true, '2026-11-02', by);
      }),
    );
    const mood = await openRaw(sync.port, `one-on-one-mood/${seriesId}`, employee.cookie);
    await mood.until(() => mood.acks().length > 0);
    mood.sendUpdate(update((doc) => setMood(doc, '2026-11-02', 2, { by: employee.personId })));

    const query = (sql: string) =>
      sync.db.pool.query(sql + ' WHERE series_id = $1 ORDER BY 1', [seriesId]);
    await eventually(
      async () =>
        (await query('SELECT action_id FROM one_on_one_action_analytics')).rows.length === 2 &&
        (await query('SELECT meeting_id FROM one_on_one_mood_analytics')).rows.length === 1,
      5000,
    );
    const meetings = await query(
      `SELECT meeting_id, to_char(date, 'YYYY-MM-DD') AS date, points, points_done, actions_raised FROM one_on_one_meeting_analytics`,
    );
    expect(meetings.rows).toEqual([
      {
        meeting_id: '2026-11-02',
        date: '2026-11-02',
        points: 2,
        points_done: 1,
        actions_raised: 2,
      },
      {
        meeting_id: '2026-11-09',
        date: '2026-11-09',
        points: 0,
        points_done: 0,
        actions_raised: 0,
      },
    ]);
    const actions = await query(
      `SELECT action_id, done, overdue, times_carried FROM one_on_one_action_analytics`,
    );
    expect(actions.rows).toEqual([
      { action_id: action(1), done: false, overdue: true, times_carried: 1 },
      { action_id: action(2), done: true, overdue: false, times_carried: 0 },
    ]);
    const moods = await query(
      `SELECT meeting_id, employee_id, value FROM one_on_one_mood_analytics`,
    );
    expect(moods.rows).toEqual([
      { meeting_id: '2026-11-02', employee_id: employee.personId, value: 2 },
    ]);
    // Private notes have no projector, so nothing of them can reach a table.
    expect(PRODUCTION_KINDS['private-notes']?.projector).toBeUndefined();
  });
});
