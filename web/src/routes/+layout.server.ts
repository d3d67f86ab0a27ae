// Who is signed in, for pages outside (app) that still show the app's frame when someone is:
// the error page above all (a 404 has no route, so no (app) layout to ask).
export function load({ locals }) {
  return { person: locals.person };
}
