// The signed-in person's notifications in the browser (NUD17, NUD18): the state the layout loaded,
// kept up to date by the server's event stream, and marking read. One per signed-in layout,
// shared with the bell and the notifications page through context.
import { getContext, setContext } from 'svelte';
import { readNow } from './notification-text.ts';
import type { NotificationItem, NotificationState } from '@threadline/domain/notifications/model';

const KEY = Symbol('notifications');
export const NOTIFICATION_EVENTS_PATH = '/notifications/events';
const READ_PATH = '/notifications/read';

export class NotificationFeed {
  unread = $state(0);
  items = $state<NotificationItem[]>([]);
  /** The event stream is open: what the page shows is live. */
  live = $state(false);
  /** Goes up with every new state (the notifications page reloads its longer list on it). */
  version = $state(0);

  constructor(initial: NotificationState) {
    this.set(initial);
  }

  set(state: NotificationState) {
    this.unread = state.unread;
    this.items = state.items;
    this.version += 1;
  }

  /** Opens the event stream; returns its closing. EventSource reconnects by itself. */
  connect(): () => void {
    if (typeof EventSource === 'undefined') return () => {};
    const source = new EventSource(NOTIFICATION_EVENTS_PATH);
    source.addEventListener('state', (event) => {
      this.set(JSON.parse((event as MessageEvent<string>).data) as NotificationState);
      this.live = true;
    });
    source.addEventListener('error', () => (this.live = false));
    return () => {
      source.close();
      this.live = false;
    };
  }

  /** NUD18: marks one read at once on this page; the server's answer (and stream) follow. */
  markRead(id: string) {
    const item = this.items.find((i) => i.id === id);
    if (item?.readAt) return;
    if (item) {
      item.readAt = readNow();
      this.unread = Math.max(0, this.unread - 1);
    }
    // keepalive: following the notification's link must not cancel the request.
    void this.#post({ id }, true);
  }

  async markAllRead() {
    const now = readNow();
    for (const item of this.items) item.readAt ??= now;
    this.unread = 0;
    await this.#post({ all: true }, false);
  }

  async #post(body: object, keepalive: boolean) {
    try {
      const response = await fetch(READ_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        keepalive,
      });
      if (response.ok) this.set((await response.json()) as NotificationState);
    } catch {
      // Offline: the stream brings the state back when the connection returns.
    }
  }
}

export function setNotificationFeed(feed: NotificationFeed) {
  setContext(KEY, feed);
}

export function notificationFeed(): NotificationFeed | undefined {
  return getContext<NotificationFeed | undefined>(KEY);
}
