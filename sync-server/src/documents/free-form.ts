// Documents without a schema: any content, any person. Only transport tests and the benchmark
// use these, to exercise sync, acknowledgement and limits with plain Y.Text edits; the server
// itself (main.ts) always runs the real kinds (production-kinds.ts).
import type { DocumentKind, DocumentKinds } from './document-kind.ts';

const freeForm: DocumentKind<null> = { loadActor: async () => null };

export const FREE_FORM_KINDS: DocumentKinds = {
  goals: freeForm,
  'one-on-one': freeForm,
  'private-notes': freeForm,
  calibration: freeForm,
};
