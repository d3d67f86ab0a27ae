// NUD17: every web process listens on `threadline_notifications` with one connection of its own
// and tells the open pages of the people a notice names (server-sent events,
// routes/(app)/notifications/events) to push their new state. The notice comes from a trigger on
// the notifications table, so a notification raised by the job on any node, or marked read in any
// web process, reaches every open page. After the listening connection drops it reconnects and
// every open page is pushed its state again (notices sent meanwhile are lost, not their rows).
import { env } from '$env/dynamic/private';
import pg from 'pg';

const CHANNEL = 'threadline_notifications';
const RECONNECT_MS = 1_000;

export interface LiveSubscriber {
  organisationId: string;
  personId: string;
  /** The person's notifications changed: push their state. */
  changed(): void;
  /** The server is stopping: end the stream. */
  close(): void;
}

interface Notice {
  o: string;
  p?: string[];
  all?: boolean;
}

class NotificationHub {
  readonly #subscribers = new Set<LiveSubscriber>();
  #client: pg.Client | null = null;
  #connecting = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  subscribe(subscriber: LiveSubscriber): () => void {
    this.#subscribers.add(subscriber);
    this.#ensureListening();
    return () => this.#subscribers.delete(subscriber);
  }

  /** Ends every stream and the listening connection (adapter-node's shutdown). */
  async stop() {
    this.#stopped = true;
    clearTimeout(this.#retry);
    for (const subscriber of this.#subscribers) subscriber.close();
    this.#subscribers.clear();
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => undefined);
  }

  #ensureListening() {
    if (this.#client || this.#connecting || this.#stopped || !env.DATABASE_URL) return;
    this.#connecting = true;
    const client = new pg.Client({ connectionString: env.DATABASE_URL, keepAlive: true });
    const lost = () => {
      if (this.#client !== client) return;
      this.#client = null;
      void client.end().catch(() => undefined);
      this.#retryLater();
    };
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) this.#dispatch(message.payload);
    });
    client.on('error', lost);
    client.on('end', lost);
    client
      .connect()
      .then(() => client.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        this.#connecting = false;
        if (this.#stopped) return void client.end();
        this.#client = client;
        // Whatever changed while nobody listened: every open page reads its state again.
        for (const subscriber of this.#subscribers) subscriber.changed();
      })
      .catch(() => {
        this.#connecting = false;
        void client.end().catch(() => undefined);
        this.#retryLater();
      });
  }

  #retryLater() {
    if (this.#stopped || this.#subscribers.size === 0) return;
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => this.#ensureListening(), RECONNECT_MS);
  }

  #dispatch(payload: string | undefined) {
    let notice: Notice;
    try {
      notice = JSON.parse(payload ?? '') as Notice;
    } catch {
      return;
    }
    const people = new Set(notice.p ?? []);
    for (const subscriber of this.#subscribers) {
      if (subscriber.organisationId !== notice.o) continue;
      if (notice.all || people.has(subscriber.personId)) subscriber.changed();
    }
  }
}

export const notificationHub = new NotificationHub();

// adapter-node emits this when it stops: open event streams would otherwise hold it up to its
// SHUTDOWN_TIMEOUT.
process.on('sveltekit:shutdown', () => void notificationHub.stop());
