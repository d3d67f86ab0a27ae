// Everyone reads the people pages (ORG16); the admin pages below (teams, cycles, import) and every
// action check requireAdmin themselves, since a layout's load does not run before actions.
export async function load({ parent }) {
  const { person } = await parent(); // signed out: the (app) layout redirects to sign-in
  return { isAdmin: person.role === 'admin' };
}
