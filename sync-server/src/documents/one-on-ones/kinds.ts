// The three document kinds of a 1:1 series (ONE2–ONE6): the shared agenda, each member's private
// notes and the employee's mood. Each decides access from the series' row and judges updates with
// the domain's rules. The agenda and the mood are projected into analytics tables (ONE15); private
// notes never are.
import {
  agendaAccess,
  moodAccess,
  privateNotesAccess,
} from '@threadline/domain/one-on-ones/access';
import { CHECK_INS_ROOT } from '@threadline/domain/one-on-ones/shape';
import {
  judgeAgendaTransaction,
  judgeAgendaUpdate,
  judgeMoodTransaction,
  judgeMoodUpdate,
  judgePrivateNotesTransaction,
  judgePrivateNotesUpdate,
  type OneOnOneVerdict,
  type SeriesActor,
} from '@threadline/domain/one-on-ones/update-check';
import type { DocumentKind, Verdict } from '../document-kind.ts';
import { sweepPendingCheckIns } from './check-ins.ts';
import { agendaProjector, moodProjector } from './projectors.ts';
import {
  decideForSeries,
  loadAgendaActor,
  loadSeriesActor,
  readerOf,
  seriesChanged,
} from './series.ts';

function asVerdict(verdict: OneOnOneVerdict): Verdict {
  if (verdict.ok) return { ok: true };
  if (verdict.reason === 'schema') {
    return { ok: false, reason: 'schema', detail: verdict.issues.slice(0, 10) };
  }
  // ONE52: goals newer than the actor's projection are looked up in their goal tree, then the
  // update is judged again.
  const recheck = verdict.refusal.rule === 'ONE52' ? verdict.refusal.unknownGoals : undefined;
  return { ok: false, reason: 'forbidden', detail: verdict.refusal, recheck };
}

/** The check-ins root's name as it appears in an update that adds a check-in (the new entry
 *  names its parent). */
const CHECK_INS_NAME = Buffer.from(CHECK_INS_ROOT, 'utf8');

/**
 * Whether an update may be judged in place (SYNC17): any but one that may add a check-in, which
 * can need a second look with the goals reloaded (ONE52) and so keeps the scratch replica. A
 * text that merely mentions the root's name takes the scratch replica too, harmlessly.
 */
function mayJudgeAgendaInPlace(update: Uint8Array): boolean {
  return (
    Buffer.from(update.buffer, update.byteOffset, update.byteLength).indexOf(CHECK_INS_NAME) < 0
  );
}

/** `one-on-one/<seriesId>`: the two members write while the series runs; HR reads with the
 *  organisation's setting (ONE2–ONE4). */
export const agendaKind: DocumentKind<'one-on-one', SeriesActor> = {
  access: (db, person, { seriesId }) =>
    decideForSeries(db, person, seriesId, (series) =>
      agendaAccess(readerOf(person), series, series.policy),
    ),
  affectedBy: (notice, { seriesId }) =>
    seriesChanged(notice, seriesId) || notice.table === 'organisations',
  loadActor: (db, person, { seriesId }, context) => loadAgendaActor(db, person, seriesId, context),
  // The actor holds the employee's goals (ONE19): a goal added since is known within seconds.
  actorMaxAgeMs: 15_000,
  validate: (live, scratch, update, actor) =>
    asVerdict(judgeAgendaUpdate(live, scratch, update, actor)),
  inPlace: {
    suits: mayJudgeAgendaInPlace,
    validate: (doc, transaction, actor) =>
      asVerdict(judgeAgendaTransaction(doc, transaction, actor)),
  },
  projector: agendaProjector,
  // ONE50: check-ins a node left unapplied (it died, or its apply failed) reach their goals.
  sweep: (db, effects, log) =>
    sweepPendingCheckIns(db, effects, (error, key) =>
      log.error({ err: error, document: key.name }, 'check-ins not applied; retried later'),
    ),
};

/** `private-notes/<seriesId>/<personId>`: its author alone (ONE5). */
export const privateNotesKind: DocumentKind<'private-notes', null> = {
  access: (db, person, { seriesId, personId }) =>
    decideForSeries(db, person, seriesId, (series) =>
      privateNotesAccess(readerOf(person), series, personId),
    ),
  affectedBy: (notice, { seriesId }) => seriesChanged(notice, seriesId),
  loadActor: async () => null,
  validate: (_live, scratch, update) => asVerdict(judgePrivateNotesUpdate(scratch, update)),
  inPlace: {
    suits: () => true,
    validate: (doc, transaction) => asVerdict(judgePrivateNotesTransaction(doc, transaction)),
  },
};

/** `one-on-one-mood/<seriesId>`: the employee writes, the manager reads, nobody else (ONE6). */
export const moodKind: DocumentKind<'one-on-one-mood', SeriesActor> = {
  access: (db, person, { seriesId }) =>
    decideForSeries(db, person, seriesId, (series) => moodAccess(readerOf(person), series)),
  affectedBy: (notice, { seriesId }) => seriesChanged(notice, seriesId),
  loadActor: (db, person, { seriesId }) => loadSeriesActor(db, person, seriesId),
  validate: (live, scratch, update, actor) =>
    asVerdict(judgeMoodUpdate(live, scratch, update, actor)),
  inPlace: {
    suits: () => true,
    validate: (doc, transaction, actor) => asVerdict(judgeMoodTransaction(doc, transaction, actor)),
  },
  projector: moodProjector,
};
