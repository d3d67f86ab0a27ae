// Listens on `threadline_access` (SYNC23) with a connection of its own, held for as long as the
// server runs. If that connection breaks, notices sent meanwhile are lost, so after reconnecting
// the listener asks for everything to be re-checked.
import type { Pool, PoolClient } from '@threadline/db';
import type { Logger } from 'pino';
import { ACCESS_CHANNEL, parseAccessNotice, type AccessNotice } from './access-notice.ts';

export interface AccessListenerOptions {
  db: Pool;
  log: Logger;
  onNotice(notice: AccessNotice): void;
  /** Notices may have been lost (reconnected, or one did not parse): re-check everything. */
  onResync(): void;
}

export class AccessListener {
  readonly #options: AccessListenerOptions;
  #client: PoolClient | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #closed = false;

  constructor(options: AccessListenerOptions) {
    this.#options = options;
  }

  /** Resolves once listening (the first time); later reconnections happen in the background. */
  async start(): Promise<void> {
    const { db, log } = this.#options;
    const client = await db.connect();
    if (this.#closed) return client.release();
    client.on('notification', (message) => {
      if (message.channel !== ACCESS_CHANNEL) return;
      const notice = parseAccessNotice(message.payload);
      if (notice) this.#options.onNotice(notice);
      else {
        log.warn({ payload: message.payload }, 'unreadable access notice; re-checking everyone');
        this.#options.onResync();
      }
    });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, new Error('connection ended')));
    try {
      await client.query(`LISTEN ${ACCESS_CHANNEL}`);
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    this.#client = client;
    this.#failures = 0;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    const client = this.#client;
    this.#client = undefined;
    if (!client) return;
    await client.query(`UNLISTEN ${ACCESS_CHANNEL}`).catch(() => {});
    client.release();
  }

  #lost(client: PoolClient, error: unknown) {
    if (this.#client !== client || this.#closed) return;
    this.#client = undefined;
    client.release(error instanceof Error ? error : new Error(String(error)));
    this.#options.log.error({ err: error }, 'lost the access-notice connection; reconnecting');
    this.#retry();
  }

  #retry() {
    if (this.#closed) return;
    const delay = Math.min(5000, 100 * 2 ** this.#failures++);
    this.#retryTimer = setTimeout(() => {
      this.start().then(
        () => this.#options.onResync(),
        (error: unknown) => {
          this.#options.log.error({ err: error }, 'could not listen for access notices');
          this.#retry();
        },
      );
    }, delay);
    this.#retryTimer.unref?.();
  }
}
