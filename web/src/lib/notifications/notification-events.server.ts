// NUD17, NUD21: the signed-in person's notification state as a stream of server-sent events: one
// `state` event at once, then one each time the hub says theirs changed. The stream outlives the
// request that opened it — for hours, on a page left open — so it checks its session again every
// half minute and before each delivery, and ends as soon as the session no longer signs its
// person in (signed out on another device, expired, deactivated): nothing more reaches a browser
// whose session is gone. A comment every 25 s keeps proxies from closing an idle stream.
import type { LiveSubscriber } from '$lib/server/notifications-live';

export const SESSION_RECHECK_MS = 30_000;
const KEEP_ALIVE_MS = 25_000;

export interface NotificationEventsOptions {
  person: { id: string; organisationId: string };
  /** Whether the session the stream was opened with still signs its person in. */
  stillSignedIn: () => Promise<boolean>;
  /** The person's notification state, as the `state` event carries it. */
  readState: () => Promise<unknown>;
  /** Follows the person's notifications (the hub); returns the unsubscribe. */
  subscribe: (subscriber: LiveSubscriber) => () => void;
  /** The request's: the browser went away. */
  signal: AbortSignal;
  onError: (error: unknown) => void;
  recheckMs?: number;
  keepAliveMs?: number;
}

export function notificationEvents(options: NotificationEventsOptions): ReadableStream<Uint8Array> {
  const { person, stillSignedIn, readState, signal, onError } = options;
  const encoder = new TextEncoder();
  let end = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let running = false;
      let again = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      /** False (and the stream ended) once the session is gone. */
      const signedIn = async () => {
        if (closed) return false;
        if (await stillSignedIn()) return !closed;
        end();
        return false;
      };
      // One read at a time; changes during a read are read once more after it.
      const push = async () => {
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          do {
            again = false;
            if (!(await signedIn())) return;
            const state = await readState();
            send(`event: state\ndata: ${JSON.stringify(state)}\n\n`);
          } while (again && !closed);
        } catch (error) {
          onError(error);
        } finally {
          running = false;
        }
      };
      const unsubscribe = options.subscribe({
        organisationId: person.organisationId,
        personId: person.id,
        changed: () => void push(),
        close: () => end(),
      });
      const keepAlive = setInterval(
        () => send(': keep-alive\n\n'),
        options.keepAliveMs ?? KEEP_ALIVE_MS,
      );
      const recheck = setInterval(
        () => void signedIn().catch(onError),
        options.recheckMs ?? SESSION_RECHECK_MS,
      );
      end = () => {
        if (closed) return;
        closed = true;
        clearInterval(keepAlive);
        clearInterval(recheck);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      signal.addEventListener('abort', () => end());
      send('retry: 3000\n\n');
      void push();
    },
    cancel() {
      end();
    },
  });
}
