import { redirect } from '@sveltejs/kit';
import { datesLocale } from '$lib/server/request-locale';
import { syncUrl } from '$lib/server/sync-url';

/** Every page under (app) requires a signed-in person; others go to sign-in and come back. */
export function load({ locals, url, request }) {
  if (!locals.person) {
    redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return {
    person: locals.person,
    syncUrl: syncUrl(url),
    /** ORG19: the locale every page writes dates in. */
    locale: datesLocale(locals.person.organisationLocale, request),
  };
}
