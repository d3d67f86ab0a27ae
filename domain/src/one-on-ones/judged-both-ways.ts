// For tests: the 1:1 validators judged both ways the server may judge an update (SYNC17) — on a
// scratch replica, and in place, from inside the transaction that applied it to a copy of the
// live document — failing when the two verdicts differ. The rules' tests go through these, so
// every case they cover holds for both.
import * as Y from 'yjs';
import { replicaOf } from '../ydoc/replica.ts';
import * as checks from './update-check.ts';
import type { OneOnOneVerdict, SeriesActor } from './update-check.ts';

/** Applies `update` to a copy of `live` and judges each transaction it takes, in place. */
export function judgedInPlace(
  live: Y.Doc,
  update: Uint8Array,
  judge: (doc: Y.Doc, transaction: Y.Transaction) => OneOnOneVerdict,
): OneOnOneVerdict {
  const doc = replicaOf(live);
  let verdict: OneOnOneVerdict = { ok: true };
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (verdict.ok) verdict = judge(doc, transaction);
  });
  Y.applyUpdate(doc, update);
  doc.destroy();
  return verdict;
}

function agreed(scratch: OneOnOneVerdict, inPlace: OneOnOneVerdict): OneOnOneVerdict {
  const [a, b] = [JSON.stringify(scratch), JSON.stringify(inPlace)];
  if (a !== b) throw new Error(`judged on a scratch replica: ${a}\njudged in place: ${b}`);
  return scratch;
}

export function judgeAgendaUpdate(
  live: Y.Doc,
  scratch: Y.Doc,
  update: Uint8Array,
  actor: SeriesActor,
): OneOnOneVerdict {
  return agreed(
    checks.judgeAgendaUpdate(live, scratch, update, actor),
    judgedInPlace(live, update, (doc, transaction) =>
      checks.judgeAgendaTransaction(doc, transaction, actor),
    ),
  );
}

export function judgeMoodUpdate(
  live: Y.Doc,
  scratch: Y.Doc,
  update: Uint8Array,
  actor: SeriesActor,
): OneOnOneVerdict {
  return agreed(
    checks.judgeMoodUpdate(live, scratch, update, actor),
    judgedInPlace(live, update, (doc, transaction) =>
      checks.judgeMoodTransaction(doc, transaction, actor),
    ),
  );
}

/** Private notes: `live` is what the scratch replica copies. */
export function judgePrivateNotesUpdate(live: Y.Doc, update: Uint8Array): OneOnOneVerdict {
  return agreed(
    checks.judgePrivateNotesUpdate(replicaOf(live), update),
    judgedInPlace(live, update, (doc, transaction) =>
      checks.judgePrivateNotesTransaction(doc, transaction),
    ),
  );
}
