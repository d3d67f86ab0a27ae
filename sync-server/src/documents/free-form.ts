// Documents without a schema: any content from anyone the goal tree would let in. Only transport
// tests and the benchmark use these, to exercise sync, acknowledgement and limits with plain
// Y.Text edits under `goals/<cycleId>` names; the server itself (main.ts) always runs the real
// kinds (production-kinds.ts). Accepting everything is this kind's own, explicit validator: a
// kind cannot leave validation out (SYNC17).
import type { DocumentKind, DocumentKinds } from './document-kind.ts';
import { goalTreeKind } from './goals/kind.ts';

const acceptAnything = () => ({ ok: true }) as const;

export const freeFormGoalTree: DocumentKind<'goals', null> = {
  access: goalTreeKind.access,
  affectedBy: goalTreeKind.affectedBy,
  loadActor: async () => null,
  validate: acceptAnything,
};

export const FREE_FORM_KINDS: DocumentKinds = { goals: freeFormGoalTree };
