// What every collaborative surface tells the person about their edits, derived from plain facts
// about the connection so the rules can be tested without a socket (SC1–SC4).
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { ownChangesCovered, type StateVector } from '@threadline/domain/protocol/state-vector';

export type SyncState =
  /** Not connected, edits stay on this device (IndexedDB) until the connection returns. */
  | { kind: 'offline' }
  /** Opening the connection or exchanging state with the server. */
  | { kind: 'connecting' }
  /** Connected; some local change is not yet durable on the server. */
  | { kind: 'saving' }
  /** The server cannot reach its database: it keeps accepting edits (or asked us to come back
   *  later) and retries; this device keeps every change meanwhile (SC11). */
  | { kind: 'save-delayed' }
  /** The server acknowledged a durable state that covers every local change. */
  | { kind: 'saved' }
  /** The server refused a change; this replica was brought back to the server's state. */
  | { kind: 'refused'; reason: string }
  /** Connected and synced, but this person may only read the document (the server said so). */
  | { kind: 'read-only' }
  /** Terminal: the session ended (4401). Sign in again. */
  | { kind: 'unauthorized' }
  /** Terminal: this person may not open the document (4403). */
  | { kind: 'forbidden' }
  /** Terminal: the document does not exist (4404). */
  | { kind: 'not-found' }
  /** Terminal: the server closed for a reason retrying cannot fix (e.g. 4400). */
  | { kind: 'failed'; code: number; reason: string };

export type SyncStateKind = SyncState['kind'];

export type TerminalStatus = Extract<
  SyncState,
  { kind: 'unauthorized' | 'forbidden' | 'not-found' | 'failed' }
>;

/** Whether edits can no longer reach the server (a terminal close, SC3). */
export function stoppedForGood(state: SyncState): state is TerminalStatus {
  const { kind } = state;
  return (
    kind === 'unauthorized' || kind === 'forbidden' || kind === 'not-found' || kind === 'failed'
  );
}

export interface SyncFacts {
  /** The websocket: no socket, socket opening, or open. */
  connection: 'disconnected' | 'connecting' | 'connected';
  /** The server answered our sync step 1 on this connection (we hold everything it has). */
  synced: boolean;
  /** A connection closed or failed since the last completed handshake. */
  lostConnection: boolean;
  /** The browser says there is no network. */
  networkDown: boolean;
  /** The server's latest acknowledged (durable) state vector. */
  acked: StateVector;
  /** How far each client's changes came to this replica from the server: not ours to save. */
  received: StateVector;
  /** This replica's state vector. */
  local: StateVector;
  /** Set by a refusal, cleared by the next local change. */
  refusal: string | null;
  /** The server's latest Access message said this connection may not write. */
  readOnly: boolean;
  /** Set by a close code that ends syncing for good. */
  terminal: TerminalStatus | null;
  /** The server said, on this connection, that its saves are held up (SYNC32). */
  saveDelayed: boolean;
  /** The last connection was closed with 1013 (the server cannot reach its database, SYNC29);
   *  cleared by the next completed handshake. */
  serverUnavailable: boolean;
}

/** The status shown for a set of facts: terminal closes first, then the connection, then the
 *  latest refusal, then read-only access, then whether the acknowledged state covers every
 *  change this replica did not receive from the server (SC1), and if not whether the server
 *  said its saves are held up (SC11). */
export function deriveStatus(facts: SyncFacts): SyncState {
  if (facts.terminal) return facts.terminal;
  if (facts.connection !== 'connected' || !facts.synced) {
    // While the provider retries, its socket flips between connecting and closed every few
    // seconds; once a connection was lost, keep saying "offline" until the handshake is done.
    if (facts.networkDown) return { kind: 'offline' };
    if (facts.connection === 'connected') return { kind: 'connecting' };
    if (facts.serverUnavailable) return { kind: 'save-delayed' };
    return facts.lostConnection ? { kind: 'offline' } : { kind: 'connecting' };
  }
  if (facts.refusal !== null) return { kind: 'refused', reason: facts.refusal };
  if (facts.readOnly) return { kind: 'read-only' };
  if (ownChangesCovered(facts.acked, facts.received, facts.local)) return { kind: 'saved' };
  return facts.saveDelayed ? { kind: 'save-delayed' } : { kind: 'saving' };
}

/** What a closed connection means for the client (SC3). */
export type CloseAction =
  | { action: 'retry' }
  | { action: 'reset'; reason: string }
  | { action: 'stop'; status: TerminalStatus };

export function classifyClose(code: number, reason: string): CloseAction {
  switch (code) {
    case CloseCode.Unauthorized:
      return { action: 'stop', status: { kind: 'unauthorized' } };
    case CloseCode.Forbidden:
      return { action: 'stop', status: { kind: 'forbidden' } };
    case CloseCode.UnknownDocument:
      return { action: 'stop', status: { kind: 'not-found' } };
    // The server refused a change (its Refused message, sent just before, has the reason): the
    // replica holding it must go, or every reconnect would resend it (SYNC18).
    case CloseCode.ChangeRefused:
      return { action: 'reset', reason: 'refused' };
    // Our own update was too big for the server: resending it on every reconnect would loop.
    // Like a refusal, drop it and take the server's state.
    case CloseCode.MessageTooBig:
      return { action: 'reset', reason: 'message-too-big' };
    // The rate limit is temporary: back off and come back.
    case CloseCode.TooManyMessages:
      return { action: 'retry' };
    // The server cannot reach its database (SYNC29): come back with backoff, edits kept here.
    case CloseCode.TryAgainLater:
      return { action: 'retry' };
    default:
      if (code >= 4400 && code < 4500) {
        return { action: 'stop', status: { kind: 'failed', code, reason } };
      }
      return { action: 'retry' };
  }
}

/** The words for a status: a short label and a sentence for screen readers and tooltips. */
export function describeStatus(state: SyncState): { label: string; detail: string } {
  switch (state.kind) {
    case 'offline':
      return {
        label: 'Offline',
        detail: 'Your changes are kept on this device and saved when the connection returns.',
      };
    case 'connecting':
      return { label: 'Connecting…', detail: 'Connecting to the server.' };
    case 'saving':
      return { label: 'Saving…', detail: 'Saving your latest changes.' };
    case 'saved':
      return { label: 'All changes saved', detail: 'Every change is saved on the server.' };
    case 'save-delayed':
      return {
        label: 'Saved on this device',
        detail:
          "The server can't reach its database, so your changes are kept on this device " +
          'and saved as soon as it can. Retrying.',
      };
    case 'refused':
      return { label: 'Change not saved', detail: refusalMessage(state.reason) };
    case 'read-only':
      return { label: 'Read only', detail: 'You can see this document but not change it.' };
    case 'unauthorized':
      return { label: 'Signed out', detail: 'Your session has ended. Sign in again to edit.' };
    case 'forbidden':
      return { label: 'No access', detail: 'You do not have access to this document.' };
    case 'not-found':
      return { label: 'Not found', detail: 'This document does not exist.' };
    case 'failed':
      return { label: 'Sync stopped', detail: `The server closed the connection: ${state.reason}` };
  }
}

/** Why a change was refused, in words; the server's reason codes are in domain/protocol. */
export function refusalMessage(reason: string): string {
  switch (reason) {
    case 'document-too-large':
      return 'The document has reached its size limit, so your last change was undone.';
    case 'message-too-big':
      return 'Your last change was too large to save, so it was undone.';
    case 'forbidden':
      return 'You may not change that, so your last change was undone.';
    case 'read-only':
      return 'This document is read-only now, so your last change was undone.';
    case 'schema':
      return 'Your last change did not fit the document, so it was undone.';
    default:
      return `The server did not accept your last change (${reason}), so it was undone.`;
  }
}
