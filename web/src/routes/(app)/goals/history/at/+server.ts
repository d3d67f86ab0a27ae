// GET /goals/history/at?document=goals/<cycleId>&at=<ISO time> → the whole goal tree as it was at
// that moment, as one Yjs update (application/octet-stream), or 204 when it did not exist yet
// (GOAL25). The panel applies it to a fresh Y.Doc and reads it with the usual tree readers.
import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { goalTreeOf, treeAt } from '$lib/goals/panels/history.server';

export async function GET({ locals, url }) {
  if (!locals.person) error(401, 'Sign in to see goal trees.');
  const at = new Date(url.searchParams.get('at') ?? '');
  if (Number.isNaN(at.getTime())) error(400, 'Give a moment: ?at=<ISO time>.');
  const key = await goalTreeOf(db(), locals.person, url.searchParams.get('document'));
  if (!key) error(404, 'No such goal tree in your organisation.');
  const state = await treeAt(db(), key, at);
  if (state === null) return new Response(null, { status: 204 });
  return new Response(state.slice().buffer as ArrayBuffer, {
    headers: { 'Content-Type': 'application/octet-stream' },
  });
}
