// The goal-tree document kind, `goals/<cycleId>`. Access (SYNC3, SYNC19): everyone in the cycle's
// organisation, to write while the cycle is planned or active, to read only once it is closed (its
// goals are final); a change of the cycle's status or its deletion re-checks open connections
// (SYNC23). Every client update is judged by the domain's goal rules (SYNC17, SYNC22: schema
// GOAL1–GOAL3, touched goals GOAL4, edit rights GOAL16–GOAL18) on the scratch replica, with the
// sender as an Actor read from the organisation's tables. Projected into goal_analytics (SYNC24),
// with a first-screen snapshot view (GOAL29).
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { GOAL_TREE_SNAPSHOT_VIEWS } from '@threadline/domain/goals/snapshot-views';
import type { Actor } from '@threadline/domain/goals/permissions';
import { judgeGoalTreeUpdate } from '@threadline/domain/goals/update-check';
import type { DocumentKind } from '../document-kind.ts';
import { loadGoalActor } from './actor.ts';
import { goalTreeProjector } from './projector.ts';

export const goalTreeKind: DocumentKind<'goals', Actor> = {
  async access(db, person, { cycleId }) {
    const { rows } = await db.query<{ status: string }>(
      `SELECT status FROM cycles WHERE organisation_id = $1 AND id = $2`,
      [person.organisationId, cycleId],
    );
    const cycle = rows[0];
    if (!cycle) return { granted: false, code: CloseCode.Forbidden };
    const mode = cycle.status === 'closed' ? 'read-only' : 'read-write';
    return { granted: true, organisationId: person.organisationId, mode };
  },
  affectedBy: (notice, { cycleId }) => notice.table === 'cycles' && notice.ids.includes(cycleId),
  loadActor: loadGoalActor,
  validate(live, scratch, update, actor) {
    const verdict = judgeGoalTreeUpdate(live, scratch, update, actor);
    if (verdict.ok) return { ok: true };
    switch (verdict.reason) {
      case 'pending':
        return { ok: false, reason: 'pending', detail: verdict.message };
      case 'schema':
        return { ok: false, reason: 'schema', detail: verdict.issues.slice(0, 10) };
      case 'forbidden':
        return { ok: false, reason: 'forbidden', detail: verdict.refusal };
    }
  },
  projector: goalTreeProjector,
  snapshotViews: GOAL_TREE_SNAPSHOT_VIEWS,
  async unprojected(db) {
    const { rows } = await db.query<{ organisation_id: string; id: string }>(
      `SELECT c.organisation_id, c.id FROM cycles c
        WHERE c.status <> 'closed'
          AND EXISTS (SELECT 1 FROM document_updates u
                       WHERE u.organisation_id = c.organisation_id
                         AND u.document_name = 'goals/' || c.id::text)
          AND NOT EXISTS (SELECT 1 FROM goal_analytics g
                           WHERE g.organisation_id = c.organisation_id AND g.cycle_id = c.id)`,
    );
    return rows.map((row) => ({
      organisationId: row.organisation_id,
      name: formatDocumentName({ kind: 'goals', cycleId: row.id }),
    }));
  },
};
