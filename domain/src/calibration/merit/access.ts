// Who receives pay and who changes the merit settings (CAL76–CAL78). Pure: the web server asks it
// before it reads a salary, and the pages ask it before they offer a form.
import type { SessionStatus } from '../model.ts';

export interface PayReader {
  /** An active administrator of the organisation (HR). */
  isAdmin: boolean;
  /** Their part in the session, or null. */
  role: 'leader' | 'facilitator' | null;
  /** The session lists them among the participants who see pay (CAL78). */
  seesPay: boolean;
}

/**
 * CAL76: pay (salaries, ranges, recommended amounts, pool totals) reaches HR administrators and
 * the participants the session allows to see it; nobody else, whatever their part.
 */
export function receivesPay(reader: PayReader): boolean {
  return reader.isAdmin || (reader.role !== null && reader.seesPay);
}

/**
 * CAL77: the merit matrix and the budget are changed by the session's facilitators and by
 * administrators, until it is finalized (reopening allows it again).
 */
export function editsMerit(reader: PayReader, status: SessionStatus): boolean {
  return status !== 'finalized' && (reader.isAdmin || reader.role === 'facilitator');
}

/** CAL78: administrators choose which participants see pay, in any state. */
export function choosesPayViewers(reader: PayReader): boolean {
  return reader.isAdmin;
}
