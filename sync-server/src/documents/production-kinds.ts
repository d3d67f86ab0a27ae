// The document kinds the sync server serves. 1:1 series, private notes and calibration boards
// join when their tables and schemas exist; until then their names are closed with 4404 (SYNC3).
import type { DocumentKinds } from './document-kind.ts';
import { goalTreeKind } from './goal-tree.ts';

export const PRODUCTION_KINDS: DocumentKinds = {
  goals: goalTreeKind,
};
