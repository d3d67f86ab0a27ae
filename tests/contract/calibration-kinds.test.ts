// The two calibration kinds pass the document-kind contract (KIND1–KIND7) as the product serves
// them: a manager's proposals (written while proposals are open, read-only once the session
// starts; taken away when the manager has nobody left in the population) and the board (written
// by participants in session, read by admins; taken away with the participant's part).
import type * as Y from 'yjs';
import type { Pool } from '@threadline/db';
import { startSession } from '@threadline/db/calibration-board';
import { setProposal } from '@threadline/domain/calibration/edits';
import { movesOf } from '@threadline/domain/calibration/shape';
import { PRODUCTION_KINDS } from '@threadline/sync-server/documents/production-kinds';
import {
  createCalibrationSession,
  createOrganisation,
  createProposal,
} from '../support/factories.ts';
import { signInWith } from '../integration/sync-support.ts';
import { documentKindContract, type KindDocument } from './document-kind.contract.ts';

async function people(db: Pool) {
  const organisationId = (await createOrganisation(db)).id;
  const facilitator = await signInWith(db, organisationId, { role: 'admin' });
  const leader = await signInWith(db, organisationId);
  const manager = await signInWith(db, organisationId);
  const report = await signInWith(db, organisationId, { managerId: manager.personId });
  const session = await createCalibrationSession(db, organisationId, {
    status: 'proposals',
    participants: [
      { personId: facilitator.personId, role: 'facilitator' },
      { personId: leader.personId, role: 'leader' },
    ],
    population: [report.personId],
  });
  return { organisationId, facilitator, leader, manager, report, session };
}

documentKindContract('calibration proposals', {
  kind: 'calibration-proposals',
  kinds: PRODUCTION_KINDS,
  async document(db): Promise<KindDocument> {
    const p = await people(db);
    return {
      name: `calibration-proposals/${p.session.id}/${p.manager.personId}`,
      organisationId: p.organisationId,
      writer: p.manager,
      edit: (doc: Y.Doc) =>
        setProposal(doc, p.report.personId, { rating: 4, potential: 'high', rationale: 'Led X' }),
      outsider: async () => p.report,
      async reader() {
        await db.query(`UPDATE calibration_sessions SET status = 'in_session' WHERE id = $1`, [
          p.session.id,
        ]);
        return p.leader;
      },
      async revoke() {
        await db.query('DELETE FROM calibration_population WHERE session_id = $1', [p.session.id]);
      },
    };
  },
});

documentKindContract('calibration board', {
  kind: 'calibration',
  kinds: PRODUCTION_KINDS,
  async document(db): Promise<KindDocument> {
    const p = await people(db);
    await createProposal(db, p.organisationId, p.session.id, {
      personId: p.report.personId,
      managerId: p.manager.personId,
      rating: 3,
      potential: 'medium',
    });
    const started = await startSession(db, {
      organisationId: p.organisationId,
      sessionId: p.session.id,
      personId: p.facilitator.personId,
    });
    if (!started.ok) throw new Error(JSON.stringify(started.errors));
    return {
      name: `calibration/${p.session.id}`,
      organisationId: p.organisationId,
      writer: p.leader,
      // A move alone (the contract's edit starts from an empty replica, which has no card to
      // place): justified, in the leader's name, of a person on the board.
      edit: (doc: Y.Doc) =>
        movesOf(doc).set('00000000-0000-4000-8000-0000000000a1', {
          personId: p.report.personId,
          from: { rating: 3, potential: 'medium' },
          to: { rating: 4, potential: 'high' },
          justification: 'Led the migration',
          by: p.leader.personId,
          at: '2026-12-07T10:00:00.000Z',
        }),
      outsider: async () => p.report,
      reader: () => signInWith(db, p.organisationId, { role: 'admin' }),
      async revoke() {
        await db.query('DELETE FROM calibration_participants WHERE person_id = $1', [
          p.leader.personId,
        ]);
      },
    };
  },
});
