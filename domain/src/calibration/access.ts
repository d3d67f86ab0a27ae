// Who opens the calibration documents, and in which mode (CAL12, CAL15). Pure: the sync server's
// kinds read the session's row and the reader's part in it, and ask. Null: no access (4403).
import type { AccessMode } from '../protocol/messages.ts';
import type { SessionStatus } from './model.ts';

export interface CalibrationReader {
  personId: string;
  isAdmin: boolean;
  /** The reader's part in the session: a leader or facilitator, or none. */
  role: 'leader' | 'facilitator' | null;
}

const started = (status: SessionStatus) => status === 'in_session' || status === 'finalized';

/**
 * CAL12: a manager's proposals (a manager of someone in the population) open to that manager, to write while proposals are open and to
 * read after; to the session's participants, to read, once the session has started; to nobody
 * else — not other managers, not employees, not admins who take no part.
 */
export function proposalsAccess(
  reader: CalibrationReader,
  status: SessionStatus,
  proposer: { managerId: string; hasReports: boolean },
): AccessMode | null {
  const { managerId } = proposer;
  // Only a manager of someone in the population has proposals to make.
  if (status === 'draft' || !proposer.hasReports) return null;
  if (reader.personId === managerId) return status === 'proposals' ? 'read-write' : 'read-only';
  if (reader.role !== null && started(status)) return 'read-only';
  return null;
}

/**
 * CAL15: the board opens once the session has started: to its participants, to write while it
 * is in session and to read once it is finalized; to admins, to read. Before it starts there is
 * no board, and nobody else ever opens it.
 */
export function boardAccess(reader: CalibrationReader, status: SessionStatus): AccessMode | null {
  if (!started(status)) return null;
  if (reader.role !== null) return status === 'in_session' ? 'read-write' : 'read-only';
  return reader.isAdmin ? 'read-only' : null;
}
