// NUD17: the signed-in person's notification state as server-sent events: one `state` event at
// once, then one each time the notifications hub says theirs changed. A comment every 25 s keeps
// proxies from closing an idle stream.
import { error } from '@sveltejs/kit';
import { notificationState } from '@threadline/db/notifications';
import { db } from '$lib/server/db';
import { notificationHub } from '$lib/server/notifications-live';

const KEEP_ALIVE_MS = 25_000;

export function GET({ locals, request }) {
  const person = locals.person;
  if (!person) error(401, 'Sign in to see your notifications.');
  const encoder = new TextEncoder();
  let end = () => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let running = false;
      let again = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
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
            const state = await notificationState(db(), person);
            send(`event: state\ndata: ${JSON.stringify(state)}\n\n`);
          } while (again && !closed);
        } catch (err) {
          locals.log.warn({ err }, 'notification state not pushed');
        } finally {
          running = false;
        }
      };
      const unsubscribe = notificationHub.subscribe({
        organisationId: person.organisationId,
        personId: person.id,
        changed: () => void push(),
        close: () => end(),
      });
      const keepAlive = setInterval(() => send(': keep-alive\n\n'), KEEP_ALIVE_MS);
      end = () => {
        if (closed) return;
        closed = true;
        clearInterval(keepAlive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      request.signal.addEventListener('abort', () => end());
      send('retry: 3000\n\n');
      void push();
    },
    cancel() {
      end();
    },
  });

  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
