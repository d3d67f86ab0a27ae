// How a node reaches the other nodes serving the same documents (SYNC25). The Redis
// implementation is redis-fanout.ts; a single node has none.
import type { DocumentKey } from '../persistence/document-storage.ts';
import type { PeerMessage } from './peer-message.ts';

export interface Fanout {
  /** This node's id, carried by its messages so it ignores its own. */
  readonly nodeId: string;
  /** Starts delivering other nodes' messages about the document; resolves once subscribed.
   *  Subscribing again replaces the handler. */
  subscribe(key: DocumentKey, onMessage: (message: PeerMessage) => void): Promise<void>;
  unsubscribe(key: DocumentKey): void;
  /** Sends without waiting; a lost message is found later in the log (SYNC26). */
  publish(key: DocumentKey, message: PeerMessage): void;
  /** `listener` runs whenever the link to the other nodes came back after a break: messages
   *  may have been lost meanwhile. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}
