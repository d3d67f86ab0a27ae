// Changes from the server applied without Yjs encoding them again.
//
// Yjs encodes every transaction's update as soon as anything listens to the document's `update`
// event, and the provider (to send local changes) and the stored replica (to keep them) always
// do. For a change that came from the server that encoding is wasted: the provider skips its own
// changes and the replica can keep the bytes as received. On opening a big goal tree cold, that
// was a long stall encoding the whole tree just received (BENCHMARKS.md, "The page").
// So the sync messages that carry changes are handled here: the change is applied with the
// `update` listeners set aside, then handed to the replica as received. Everything else that
// follows the document (views, status) listens to transactions or observes types, which still
// see the change.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType, SyncStep } from '@threadline/domain/protocol/messages';

/** Applies `update` to `doc` as one transaction of `origin`, with no `update` listener called. */
export function applyUnobserved(doc: Y.Doc, update: Uint8Array, origin: unknown) {
  withoutUpdateListeners(doc, () => Y.applyUpdate(doc, update, origin));
}

/**
 * Runs `change` with the document's `update` listeners set aside, so Yjs does not encode its
 * transactions for them. (A listener removed by `change` itself would come back: none is.)
 */
export function withoutUpdateListeners(doc: Y.Doc, change: () => void) {
  const observers = doc._observers;
  const listeners = observers.get('update');
  observers.delete('update');
  try {
    change();
  } finally {
    if (listeners) {
      // A listener added while applying (none are, today) joins the ones set aside.
      const added = observers.get('update');
      observers.set('update', added ? new Set([...listeners, ...added]) : listeners);
    }
  }
}

/**
 * The provider's handler for Sync messages, as y-websocket's but for how changes are applied:
 * step 1 is answered with what the server lacks, and a step 2 or an update is applied unobserved
 * and given to `keep` (the stored replica) as received.
 */
export function handleSyncMessages(
  provider: WebsocketProvider,
  keep: (update: Uint8Array) => void,
) {
  provider.messageHandlers[MessageType.Sync] = (encoder, decoder, _provider, emitSynced) => {
    encoding.writeVarUint(encoder, MessageType.Sync);
    const step = decoding.readVarUint(decoder);
    if (step === SyncStep.Step1) {
      syncProtocol.readSyncStep1(decoder, encoder, provider.doc);
      return;
    }
    if (step !== SyncStep.Step2 && step !== SyncStep.Update) {
      throw new Error(`Unknown sync message type ${step}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    // User Timing: DevTools and the UI benchmark (tests/bench/goal-tree-ui.ts) read these.
    const received = performance.now();
    if (step === SyncStep.Step2) performance.mark('sync:step-2-received');
    try {
      applyUnobserved(provider.doc, update, provider);
      if (step === SyncStep.Step2) {
        performance.measure('sync:step-2-applied', { start: received, end: performance.now() });
      }
    } catch (error) {
      // As y-protocols does: a malformed change from the server is reported, not fatal.
      console.error('Could not apply a change from the server', error);
      return;
    }
    keep(update);
    if (emitSynced && step === SyncStep.Step2 && !provider.synced) provider.synced = true;
  };
}
