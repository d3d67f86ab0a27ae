// The document kinds the sync server serves: the one place a kind is registered. A name whose
// kind is not here (a 1:1 series, private notes or a calibration board, until they are built) is
// closed with 4404 (SYNC3). Adding a kind: CONTRIBUTING.md, "A new document kind".
import type { DocumentKinds } from './document-kind.ts';
import { goalTreeKind } from './goals/kind.ts';

export const PRODUCTION_KINDS: DocumentKinds = {
  goals: goalTreeKind,
};
