// NUD17, NUD21: the signed-in person's notification state as server-sent events, for as long as
// their session lasts (notification-events.server.ts).
import { error } from '@sveltejs/kit';
import { isSessionActive } from '@threadline/db';
import { notificationState } from '@threadline/db/notifications';
import { db } from '$lib/server/db';
import { notificationHub } from '$lib/server/notifications-live';
import { notificationEvents } from '$lib/notifications/notification-events.server';

export function GET({ locals, request }) {
  const { person, session } = locals;
  if (!person || !session) error(401, 'Sign in to see your notifications.');
  const stream = notificationEvents({
    person,
    stillSignedIn: () => isSessionActive(db(), session.id),
    readState: () => notificationState(db(), person),
    subscribe: (subscriber) => notificationHub.subscribe(subscriber),
    signal: request.signal,
    onError: (err) => locals.log.warn({ err }, 'notification state not pushed'),
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
