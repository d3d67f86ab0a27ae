// One open collaborative document: a Y.Doc kept in this device's replica store (IndexedDB) and
// synced through the stock y-websocket provider, extended for the server's acknowledgement and
// refusal messages. It reports a status every surface shows (SC1–SC5).
//
// A refused change cannot be taken out of a Yjs document (its items stay in the replica and
// would be resent on every reconnect), so on a refusal the replica is dropped: the stored copy
// is cleared and a fresh Y.Doc syncs from the server. `doc` and `awareness` then change, and
// `onReset` listeners rebind to the new ones.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { MessageType } from '@threadline/domain/protocol/messages';
import { decodeStateVector, withReceived } from '@threadline/domain/protocol/state-vector';
import {
  defaultReplicaStore,
  type Replica,
  type ReplicaStore,
  type ViewSource,
} from './replica-store.ts';
import { handleSyncMessages } from './remote-updates.ts';
import { presenceState, type PresenceUser } from './presence.ts';
import { classifyClose, deriveStatus, type SyncFacts, type SyncState } from './status.ts';

export interface OpenDocumentOptions {
  /** The document name, e.g. `goals/<cycle id>` (domain/documents/names). */
  name: string;
  /** The sync server's origin, e.g. `ws://localhost:3001` (the (app) layout's `syncUrl`). */
  syncUrl: string;
  /** The signed-in person: their presence, and the scope of the stored replica. */
  user: PresenceUser;
  /** Where the replica is kept; defaults to IndexedDB in a browser and none elsewhere. */
  persistence?: ReplicaStore | null;
  /** Node has no cookie jar: tests pass a `ws` subclass that sends the session cookie. */
  WebSocketPolyfill?: typeof WebSocket;
  /** Follow the browser's online/offline events; defaults to true where `window` exists. */
  watchNetwork?: boolean;
  /** Longest wait for the stored replica before connecting anyway (a stuck IndexedDB). */
  loadTimeoutMs?: number;
  /**
   * Draws each part of the view this device cached for the document (`cacheView`), in order,
   * while its replica is still being read; the replica is applied once the last returned promise
   * settles (SC10).
   */
  showCachedView?: (view: string, source: ViewSource) => Promise<void> | void;
  /** Fetches the view's parts from the server when this device has none cached (SC10, SYNC27). */
  fetchView?: () => readonly Promise<string | null>[];
}

type Listener<T> = (value: T) => void;

/** The live parts, replaced together when the replica is reset. */
interface Session {
  doc: Y.Doc;
  awareness: Awareness;
  /**
   * Created once the stored replica is loaded: the provider listens to the document's updates,
   * and a listener present during the load would make Yjs encode the whole replica once more.
   */
  provider: WebsocketProvider | null;
  replica: Replica | null;
  /** The reason of a Refused message; the 4409 close that follows drops the replica. */
  refusal?: string;
}

export function openDocument(options: OpenDocumentOptions): SyncedDocument {
  return new SyncedDocument(options);
}

export class SyncedDocument {
  readonly name: string;
  readonly #options: OpenDocumentOptions;
  readonly #store: ReplicaStore | null;
  #session: Session;
  #facts: SyncFacts = {
    connection: 'disconnected',
    synced: false,
    lostConnection: false,
    networkDown: false,
    acked: new Map(),
    received: new Map(),
    local: new Map(),
    refusal: null,
    readOnly: false,
    terminal: null,
    saveDelayed: false,
    serverUnavailable: false,
  };
  /** The presence this person publishes while the server lets them write. */
  #presence: Record<string, unknown>;
  #status: SyncState = { kind: 'connecting' };
  /** False after disconnect() or destroy(): nothing reconnects on its own. */
  #wantConnected = true;
  #resetting: Promise<void> | null = null;
  /** Sessions being ended by us: their close events are not news. */
  readonly #retired = new WeakSet<Session>();
  #destroyed = false;
  readonly #statusListeners = new Set<Listener<SyncState>>();
  readonly #resetListeners = new Set<Listener<Y.Doc>>();
  readonly #refusalListeners = new Set<Listener<string>>();
  readonly #unwatchNetwork: () => void;

  constructor(options: OpenDocumentOptions) {
    this.name = options.name;
    this.#options = options;
    this.#store = options.persistence === undefined ? defaultReplicaStore() : options.persistence;
    this.#presence = presenceState(options.user);
    this.#session = this.#startSession();
    this.#unwatchNetwork =
      (options.watchNetwork ?? typeof window !== 'undefined') ? this.#watchNetwork() : () => {};
    void this.#attachWhenLoaded(this.#session);
  }

  get doc(): Y.Doc {
    return this.#session.doc;
  }

  get awareness(): Awareness {
    return this.#session.awareness;
  }

  get status(): SyncState {
    return this.#status;
  }

  /** The server's last word on this connection: it may read but not write (SYNC19). */
  get readOnly(): boolean {
    return this.#facts.readOnly;
  }

  /** Resolves once this device's stored replica is loaded into `doc` (at once without one). */
  whenLoaded(): Promise<void> {
    return this.#session.replica?.whenLoaded ?? Promise.resolve();
  }

  /** Resolves once the replica holds everything the server has (now, or after the next sync). */
  whenSynced(): Promise<void> {
    return this.#until(() => this.#facts.synced && this.#facts.connection === 'connected');
  }

  /** Resolves once every local change is acknowledged as durable by the server. */
  whenSaved(): Promise<void> {
    return this.#until(() => this.#status.kind === 'saved');
  }

  /** Calls `listener` with each new status; returns the unsubscribe function. */
  onStatus(listener: Listener<SyncState>): () => void {
    return subscribe(this.#statusListeners, listener);
  }

  /** Calls `listener` with the new Y.Doc after a refusal replaced the replica (SC5). */
  onReset(listener: Listener<Y.Doc>): () => void {
    return subscribe(this.#resetListeners, listener);
  }

  /** Calls `listener` with the reason of each refusal, e.g. to show a toast. */
  onRefused(listener: Listener<string>): () => void {
    return subscribe(this.#refusalListeners, listener);
  }

  /**
   * Keeps a view of the document drawn from its current state (e.g. the goal tree's snapshot, its
   * first screen first), handed part by part to `showCachedView` on the next visit (SC10).
   * Nothing without a stored replica.
   */
  cacheView(parts: readonly string[]) {
    this.#session.replica?.cacheView(parts);
  }

  /** Sets what this person is editing (a field or goal id), or null, for everyone's presence. */
  setEditing(target: string | null) {
    this.#presence = { ...this.#presence, editing: target };
    if (!this.#facts.readOnly) this.awareness.setLocalStateField('editing', target);
  }

  /** Works offline: closes the connection and stays closed until connect(). */
  disconnect() {
    this.#wantConnected = false;
    this.#session.provider?.disconnect();
  }

  /** Reconnects after disconnect(); does nothing after a terminal close (SC3). */
  connect() {
    this.#wantConnected = true;
    // Before the replica is loaded there is no provider yet; it connects once created.
    if (!this.#facts.terminal && !this.#facts.networkDown) this.#session.provider?.connect();
  }

  /** Closes the connection and stops recording; the stored replica stays for the next visit. */
  async destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#wantConnected = false;
    this.#unwatchNetwork();
    await this.#resetting;
    await this.#endSession(this.#session);
    this.#statusListeners.clear();
    this.#resetListeners.clear();
    this.#refusalListeners.clear();
  }

  #startSession(): Session {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState(this.#facts.readOnly ? null : this.#presence);
    const { showCachedView, fetchView } = this.#options;
    const replica =
      this.#store?.open(`threadline/${this.#options.user.id}/${this.name}`, doc, {
        showCachedView,
        fetchView,
      }) ?? null;
    const session: Session = { doc, awareness, provider: null, replica };
    this.#facts = {
      ...this.#facts,
      connection: 'disconnected',
      synced: false,
      received: new Map(),
      local: stateVectorOf(doc),
    };
    return session;
  }

  /** Once the stored replica is in the document (or is taking too long): sync it, and connect. */
  async #attachWhenLoaded(session: Session) {
    if (session.replica) {
      const timeout = this.#options.loadTimeoutMs ?? 3000;
      let loaded = false;
      const load = session.replica.whenLoaded.then(
        () => (loaded = true),
        () => (loaded = true),
      );
      // The wait guards against a stuck IndexedDB, not a slow device: once the store has answered,
      // applying what it read is waited for however long it takes (a big tree takes seconds on
      // a slow machine, and connecting before it is in would fetch the whole tree again).
      const answered = await Promise.race([
        session.replica.whenRead.then(
          () => true,
          () => true,
        ),
        delay(timeout).then(() => false),
      ]);
      if (answered) await load;
      // Connected before the stored replica was in: its load is applied unobserved (not sent as
      // one huge update), so sync afresh once it is, and the server gets what it lacks.
      if (!loaded) void load.then(() => this.#resyncAfterLateLoad(session));
    }
    if (this.#retired.has(session) || session !== this.#session) return;
    performance.mark('sync:connecting');
    session.provider = this.#providerFor(session);
    this.#listen(session, session.provider);
    this.#facts.local = stateVectorOf(session.doc);
    this.#update();
    if (this.#wantConnected) this.connect();
  }

  #resyncAfterLateLoad(session: Session) {
    if (this.#retired.has(session) || session !== this.#session || !session.provider) return;
    this.#facts.local = stateVectorOf(session.doc);
    session.provider.disconnect();
    if (this.#wantConnected) this.connect();
  }

  #providerFor({ doc, awareness }: Session): WebsocketProvider {
    const { syncUrl, WebSocketPolyfill } = this.#options;
    return new WebsocketProvider(`${syncUrl.replace(/\/+$/, '')}/sync`, this.name, doc, {
      awareness,
      connect: false,
      // Tabs sync through the server: a BroadcastChannel would hand a refused change to the
      // other tabs, which would keep it after this one resets.
      disableBc: true,
      ...(WebSocketPolyfill ? { WebSocketPolyfill } : {}),
      shouldReconnect: (event) => classifyClose(event.code, event.reason).action === 'retry',
    });
  }

  #listen(session: Session, provider: WebsocketProvider) {
    const { doc } = session;
    handleSyncMessages(provider, (update) => session.replica?.record(update));
    provider.messageHandlers[MessageType.Ack] = (_encoder, decoder) => {
      try {
        this.#facts.acked = decodeStateVector(decoding.readVarUint8Array(decoder));
      } catch {
        return; // a malformed ack proves nothing: keep the last good one
      }
      this.#update();
    };
    // The reason waits for the close that follows: 4409 drops the replica (SC5), while 4500
    // (the server reset the document) reconnects and resends, the change being fine.
    provider.messageHandlers[MessageType.Refused] = (_encoder, decoder) => {
      session.refusal = decoding.readVarString(decoder);
    };
    provider.messageHandlers[MessageType.Access] = (_encoder, decoder) => {
      this.#setReadOnly(decoding.readVarString(decoder) === 'read-only');
    };
    // The server's saves are held up (the database out of reach) or going again (SYNC32).
    provider.messageHandlers[MessageType.SaveStatus] = (_encoder, decoder) => {
      this.#facts.saveDelayed = decoding.readVarString(decoder) === 'delayed';
      this.#update();
    };
    provider.on('status', ({ status }) => {
      if (this.#retired.has(session)) return;
      if (status === 'connected') performance.mark('sync:connected');
      this.#facts.connection = status === 'connected' ? 'connected' : status;
      this.#update();
    });
    provider.on('sync', (synced: boolean) => {
      if (this.#retired.has(session)) return;
      this.#facts.synced = synced;
      if (synced) {
        this.#facts.lostConnection = false;
        this.#facts.serverUnavailable = false;
      }
      this.#update();
    });
    provider.on('connection-close', (event) => {
      // Closing a retired session's socket (reset, destroy) says nothing about the network.
      if (this.#retired.has(session)) return;
      this.#facts.connection = 'disconnected';
      this.#facts.synced = false;
      this.#facts.lostConnection = true;
      // A new connection hears again whether saves are held up (SYNC32).
      this.#facts.saveDelayed = false;
      this.#facts.serverUnavailable = event?.code === CloseCode.TryAgainLater;
      const close = event ? classifyClose(event.code, event.reason) : { action: 'retry' as const };
      if (close.action === 'stop') this.#facts.terminal = close.status;
      this.#update();
      if (close.action === 'reset') {
        const reason =
          close.reason === 'refused' ? (session.refusal ?? close.reason) : close.reason;
        // Not from inside the provider's close handling: the reset destroys the provider.
        queueMicrotask(() => this.#refused(session, reason));
      }
      session.refusal = undefined;
    });
    // Transactions, not `update` events: changes from the server are applied unobserved by
    // `update` listeners (remote-updates.ts).
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (!changed(tr)) return;
      // Yjs has just computed the document's whole state vector as the transaction's afterState.
      this.#facts.local = tr.afterState;
      // The server had these changes: saving them is their sender's business (SC1).
      if (tr.origin === provider) {
        this.#facts.received = withReceived(this.#facts.received, tr.beforeState, tr.afterState);
      }
      // Loading from the replica store and applying the server's updates are not local.
      if (tr.local) this.#facts.refusal = null;
      this.#update();
    });
  }

  #refused(session: Session, reason: string) {
    if (this.#retired.has(session) || this.#destroyed || this.#resetting) return;
    this.#facts.refusal = reason;
    for (const listener of this.#refusalListeners) listener(reason);
    this.#resetting = this.#reset(session).finally(() => (this.#resetting = null));
  }

  /** Drops this replica, refused change and all, and syncs a fresh one from the server (SC5). */
  async #reset(old: Session) {
    this.#retired.add(old);
    old.provider?.destroy();
    await old.replica?.clear().catch(() => {});
    if (this.#destroyed) {
      await this.#endSession(old);
      return;
    }
    this.#session = this.#startSession();
    void this.#attachWhenLoaded(this.#session);
    this.#update();
    for (const listener of this.#resetListeners) listener(this.#session.doc);
    old.awareness.destroy();
    old.doc.destroy();
  }

  async #endSession(session: Session) {
    this.#retired.add(session);
    session.provider?.destroy();
    await session.replica?.close();
    session.awareness.destroy();
    session.doc.destroy();
  }

  #watchNetwork(): () => void {
    const offline = () => {
      this.#facts.networkDown = true;
      // Browsers can keep a dead socket open for a long while; close it so the status is true
      // at once and edits are not written into a socket that will never deliver them.
      this.#session.provider?.disconnect();
      this.#update();
    };
    const online = () => {
      this.#facts.networkDown = false;
      this.#update();
      if (this.#wantConnected) this.connect();
    };
    if (typeof navigator !== 'undefined' && navigator.onLine === false) offline();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
  }

  /** A read-only connection publishes no presence (the server would drop it, SYNC20). */
  #setReadOnly(readOnly: boolean) {
    if (readOnly === this.#facts.readOnly) return;
    this.#facts.readOnly = readOnly;
    this.awareness.setLocalState(readOnly ? null : this.#presence);
    this.#update(true);
  }

  /** Tells status listeners about a new status (or, when `force`d, new access). */
  #update(force = false) {
    const next = deriveStatus(this.#facts);
    if (!force && sameStatus(next, this.#status)) return;
    this.#status = next;
    for (const listener of this.#statusListeners) listener(next);
  }

  #until(check: () => boolean): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.onStatus(() => {
        if (!check()) return;
        stop();
        resolve();
      });
    });
  }
}

/** Whether a transaction added or deleted anything (Yjs emits `update` for exactly these). */
function changed(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) {
    if (tr.beforeState.get(client) !== clock) return true;
  }
  return false;
}

function stateVectorOf(doc: Y.Doc) {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

function sameStatus(a: SyncState, b: SyncState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function subscribe<T>(listeners: Set<Listener<T>>, listener: Listener<T>): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function delay(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}
