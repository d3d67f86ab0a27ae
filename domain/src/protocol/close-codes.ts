// Every way the sync server can end a websocket, named once. Browsers and the y-websocket provider
// see these codes in the close event. Application codes are 4xxx and mirror the HTTP status a
// request would get, so 4401 reads as "401". A refused connection is accepted and then closed
// with one of these: an HTTP 401 on the upgrade makes providers reconnect forever.
//
// The stock y-websocket provider (3.x) does not reconnect after 4400–4499 (the server decided and
// retrying cannot help) and does reconnect after anything else, 4500–4599 included ("try again
// later"). Codes below 4000 are the standard ones of RFC 6455 that we give a name here.

export const CloseCode = {
  /** The frame was larger than the server accepts (SYNC11). Set by `ws` itself (maxPayload). */
  MessageTooBig: 1009,
  /** The server is shutting down after saving everything; reconnect (to another node). */
  ServerRestarting: 1012,
  /** RFC 6455's "Try Again Later": the server is up but cannot reach its database, so it cannot
   *  check the session or load the document (SYNC29). Reconnect with backoff; edits stay on the
   *  device meanwhile. 4503 was taken (a slow reader), and the standard code needs no explaining
   *  to stock providers, which reconnect after it. */
  TryAgainLater: 1013,
  /** A frame that does not decode as a sync protocol message: truncated, unknown type, text
   *  instead of binary, or a payload Yjs cannot read (SYNC14). A correct client never sends one. */
  BadMessage: 4400,
  /** No session cookie, or the session is expired, revoked or its person deactivated. */
  Unauthorized: 4401,
  /** Signed in, but this person may not open this document. */
  Forbidden: 4403,
  /** The document name does not name a document kind the server knows (SYNC1). */
  UnknownDocument: 4404,
  /** The server refused a change (a Refused message came first, with the reason): the client
   *  must drop its replica, which holds the refused change, and sync a fresh one (SYNC18). A
   *  stock provider does not reconnect, so it never resends the refused change in a loop. */
  ChangeRefused: 4409,
  /** More messages per second than a person can produce by hand (SYNC12). */
  TooManyMessages: 4429,
  /** The server could not keep this document's state consistent and reset it; reconnect. */
  ServerError: 4500,
  /** The client read too slowly: more than the allowed bytes waited to be sent to it. Reconnect
   *  (a fresh sync sends only what it lacks). */
  TooSlow: 4503,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** The reason text sent with each code (at most 123 bytes, a websocket limit). */
export const CLOSE_REASONS: Record<CloseCode, string> = {
  [CloseCode.MessageTooBig]: 'Message too big.',
  [CloseCode.ServerRestarting]: 'The server is restarting; your changes are saved.',
  [CloseCode.TryAgainLater]: 'The server cannot reach its database; try again shortly.',
  [CloseCode.BadMessage]: 'Malformed sync message.',
  [CloseCode.Unauthorized]: 'Not signed in, or the session has ended.',
  [CloseCode.Forbidden]: 'You do not have access to this document.',
  [CloseCode.UnknownDocument]: 'No such document.',
  [CloseCode.ChangeRefused]: 'A change was refused; discard it and sync again.',
  [CloseCode.TooManyMessages]: 'Too many messages; slow down.',
  [CloseCode.ServerError]: 'The server reset this document; reconnect.',
  [CloseCode.TooSlow]: 'Too much data waiting to be sent; reconnect.',
};
