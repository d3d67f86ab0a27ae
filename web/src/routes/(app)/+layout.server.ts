import { redirect } from '@sveltejs/kit';
import { syncUrl } from '$lib/server/sync-url';

/** Every page under (app) requires a signed-in person; others go to sign-in and come back. */
export function load({ locals, url }) {
  if (!locals.person) {
    redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return { person: locals.person, syncUrl: syncUrl(url) };
}
