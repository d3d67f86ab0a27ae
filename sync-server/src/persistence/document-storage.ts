// Where documents live between connections. Small on purpose: rooms only append and load; the
// history functions serve the surfaces' history panels. Every implementation passes the one
// contract suite in tests/contract/ (SYNC7, SYNC9, SYNC10).

/** A document inside its organisation: every storage query is scoped by both (ORG1). */
export interface DocumentKey {
  organisationId: string;
  /** The canonical name (domain/src/documents/names.ts). */
  name: string;
}

/** One accepted Yjs update, with who sent it and when the server received it. */
export interface LoggedUpdate {
  /** Null when the server itself wrote the update. */
  personId: string | null;
  receivedAt: Date;
  update: Uint8Array;
}

/** An update as the log records it, in log order. */
export interface Change extends LoggedUpdate {
  seq: number;
}

/** A document as loaded, and which rows of its log it holds (scale-out catch-up, SYNC26). */
export interface LoadedDocument {
  /** The latest snapshot (if any) followed by the updates after it, in log order; [] when the
   *  document has never been written. Applying them all gives the durable document. */
  updates: Uint8Array[];
  /** Every row up to this seq is folded into the snapshot (0 without one). */
  snapshotSeq: number;
  /** The seqs of the rows after the snapshot, in order. */
  seqs: number[];
}

export interface DocumentStorage {
  load(key: DocumentKey): Promise<LoadedDocument>;
  /** Appends in order. Resolves only once the updates are durable (committed), with the seq of
   *  each: the server acknowledges nothing before that (SYNC7). Rejects when they were not saved. */
  append(key: DocumentKey, updates: readonly LoggedUpdate[]): Promise<number[]>;
  /** The seqs of the document's rows after `afterSeq`, in order (catch-up, SYNC26). */
  seqsAfter(key: DocumentKey, afterSeq: number): Promise<number[]>;
  /** The updates of the rows `seqs` of this document, in seq order. */
  updatesAt(key: DocumentKey, seqs: readonly number[]): Promise<Uint8Array[]>;
  /** Folds the log into a new snapshot (SYNC9) and resolves with its size in bytes; null when
   *  there was nothing new to fold. */
  compact(key: DocumentKey): Promise<number | null>;
  /** The whole document as it was at `at`, as one Yjs update; null if it did not exist yet. */
  documentAt(key: DocumentKey, at: Date): Promise<Uint8Array | null>;
  /** Every update of the document with its author and time, oldest first (SYNC10). */
  changesOf(key: DocumentKey): Promise<Change[]>;
  /** Shutdown has begun (SYNC15): appends are written at once from now on, not after a wait
   *  for others to share their commit. Absent: appends never wait. */
  hurry?(): void;
  /** Waits for every pending append, then releases resources. */
  close(): Promise<void>;
}
