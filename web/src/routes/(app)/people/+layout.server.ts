// Only administrators manage people, teams and cycles. Actions and endpoints below check again
// (requireAdmin), since a layout's load does not run before them.
import { requireAdmin } from '$lib/people/admin-guard.server';

export async function load({ locals, parent }) {
  await parent(); // signed out: the (app) layout's redirect to sign-in wins over a 401
  requireAdmin(locals);
  return {};
}
