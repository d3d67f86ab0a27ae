// Every way the sync server can end a websocket, named once. Browsers and the y-websocket provider
// see these codes in the close event. Codes are 4xxx (application range) and mirror the HTTP status
// a request would get, so 4401 reads as "401". A refused connection is accepted and then closed
// with one of these: an HTTP 401 on the upgrade makes providers reconnect forever.

export const CloseCode = {
  /** No session cookie, or the session is expired, revoked or its person deactivated. */
  Unauthorized: 4401,
  /** Signed in, but this person may not open this document. */
  Forbidden: 4403,
  /** The document name does not name a document kind the server knows. */
  UnknownDocument: 4404,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** The reason text sent with each code (at most 123 bytes, a websocket limit). */
export const CLOSE_REASONS: Record<CloseCode, string> = {
  [CloseCode.Unauthorized]: 'Not signed in, or the session has ended.',
  [CloseCode.Forbidden]: 'You do not have access to this document.',
  [CloseCode.UnknownDocument]: 'No such document.',
};
