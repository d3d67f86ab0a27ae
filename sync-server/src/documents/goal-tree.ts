// The goal-tree document kind (SYNC17, SYNC22): every client update is judged by the domain's
// goal rules (schema GOAL1–GOAL3, touched goals GOAL4, edit rights GOAL16–GOAL18) on the scratch
// replica, with the sender as an Actor read from the organisation's tables.
import type { Actor } from '@threadline/domain/goals/permissions';
import { judgeGoalTreeUpdate } from '@threadline/domain/goals/update-check';
import type { DocumentKind } from './document-kind.ts';
import { loadGoalActor } from './goal-actor.ts';
import { goalTreeProjector } from './goal-projector.ts';

export const goalTreeKind: DocumentKind<Actor> = {
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
};
