import { redirect } from '@sveltejs/kit';
import { notificationState } from '@threadline/db/notifications';
import { db } from '$lib/server/db';
import { datesLocale } from '$lib/server/request-locale';
import { syncUrl } from '$lib/server/sync-url';

/** Every page under (app) requires a signed-in person; others go to sign-in and come back. */
export async function load({ locals, url, request }) {
  if (!locals.person) {
    redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return {
    person: locals.person,
    syncUrl: syncUrl(url),
    /** ORG19: the locale every page writes dates in. */
    locale: datesLocale(locals.person.organisationLocale, request),
    /** NUD18: the bell's count and latest items, right at every load (the stream follows). */
    notifications: await notificationState(db(), locals.person),
  };
}
