// Fan-out between nodes through Redis pub/sub (SYNC25): one channel per document, binary
// messages, one connection to publish and one to subscribe (a subscribed Redis connection can do
// nothing else). ioredis reconnects and resubscribes by itself; after a reconnect, anything
// published meanwhile is gone, so the registry checks the log (SYNC26).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { SyncMetrics } from '../operations/metrics.ts';
import type { DocumentKey } from '../persistence/document-storage.ts';
import type { Fanout } from './fanout.ts';
import { decodePeerMessage, encodePeerMessage, type PeerMessage } from './peer-message.ts';

const SUBSCRIBE_WAIT_MS = 1000;

export interface RedisFanoutOptions {
  url: string;
  /** Prefixes every channel, so several deployments (or tests) can share one Redis. */
  channelPrefix: string;
  metrics: SyncMetrics;
  log: Logger;
}

export class RedisFanout implements Fanout {
  readonly nodeId = randomUUID();
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #handlers = new Map<string, (message: PeerMessage) => void>();
  readonly #reconnectListeners: (() => void)[] = [];
  readonly #options: RedisFanoutOptions;
  /** Set while publishing fails, so an outage is logged once, not once per update. */
  #publishFailing = false;

  constructor(options: RedisFanoutOptions) {
    this.#options = options;
    const { url, log } = options;
    // Publishing must not queue without bound while Redis is away: fail fast instead; the
    // other nodes find what they missed in the log.
    this.#publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.#subscriber = new Redis(url);
    for (const client of [this.#publisher, this.#subscriber]) {
      client.on('error', (error: unknown) => log.warn({ err: error }, 'redis connection error'));
    }
    let connectedBefore = false;
    this.#subscriber.on('ready', () => {
      if (connectedBefore) {
        log.info('reconnected to redis; checking the log for missed changes');
        for (const listener of this.#reconnectListeners) listener();
      }
      connectedBefore = true;
    });
    this.#subscriber.on('messageBuffer', (channel: Buffer, payload: Buffer) => {
      this.#receive(channel.toString(), payload);
    });
  }

  async subscribe(key: DocumentKey, onMessage: (message: PeerMessage) => void): Promise<void> {
    const channel = this.#channel(key);
    const subscribed = this.#handlers.has(channel);
    this.#handlers.set(channel, onMessage);
    if (subscribed) return;
    // While Redis is away the subscription waits in ioredis's queue; the document opens anyway
    // after a moment (the log check brings other nodes' changes until Redis is back).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), SUBSCRIBE_WAIT_MS);
    });
    const outcome = await Promise.race([this.#subscriber.subscribe(channel), waited]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.#options.log.warn({ document: key.name }, 'redis is not answering; opening without it');
    }
  }

  unsubscribe(key: DocumentKey) {
    const channel = this.#channel(key);
    if (!this.#handlers.delete(channel)) return;
    this.#subscriber.unsubscribe(channel).catch(() => {});
  }

  publish(key: DocumentKey, message: PeerMessage) {
    const { metrics, log } = this.#options;
    metrics.peerMessages.inc({ direction: 'out', kind: message.kind });
    this.#publisher.publish(this.#channel(key), Buffer.from(encodePeerMessage(message))).then(
      () => {
        if (this.#publishFailing) log.info('publishing to other nodes again');
        this.#publishFailing = false;
      },
      (error: unknown) => {
        if (!this.#publishFailing) {
          log.warn({ err: error, document: key.name }, 'could not publish to other nodes');
        }
        this.#publishFailing = true;
      },
    );
  }

  onReconnect(listener: () => void) {
    this.#reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    this.#handlers.clear();
    await Promise.allSettled([this.#subscriber.quit(), this.#publisher.quit()]);
  }

  #channel(key: DocumentKey) {
    return `${this.#options.channelPrefix}${key.organisationId}/${key.name}`;
  }

  #receive(channel: string, payload: Buffer) {
    const handler = this.#handlers.get(channel);
    if (!handler) return;
    let message: PeerMessage;
    try {
      message = decodePeerMessage(new Uint8Array(payload));
    } catch (error) {
      this.#options.log.error({ err: error, channel }, 'undecodable message from another node');
      return;
    }
    if (message.nodeId === this.nodeId) return;
    this.#options.metrics.peerMessages.inc({ direction: 'in', kind: message.kind });
    try {
      handler(message);
    } catch (error) {
      this.#options.log.error(
        { err: error, channel },
        'applying a message from another node failed',
      );
    }
  }
}
