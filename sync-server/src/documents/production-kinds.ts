// The document kinds the sync server serves: the one place a kind is registered. A name whose
// kind is not here is closed with 4404 (SYNC3). Adding a kind: CONTRIBUTING.md, "A new document
// kind".
import type { DocumentKinds } from './document-kind.ts';
import { boardKind, proposalsKind } from './calibration/kinds.ts';
import { developmentPlanKind } from './development-plans/kind.ts';
import { goalTreeKind } from './goals/kind.ts';
import { agendaKind, moodKind, privateNotesKind } from './one-on-ones/kinds.ts';

export const PRODUCTION_KINDS: DocumentKinds = {
  goals: goalTreeKind,
  'one-on-one': agendaKind,
  'private-notes': privateNotesKind,
  'one-on-one-mood': moodKind,
  calibration: boardKind,
  'calibration-proposals': proposalsKind,
  'development-plan': developmentPlanKind,
};
