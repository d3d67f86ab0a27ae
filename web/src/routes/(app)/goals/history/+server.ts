// GET /goals/history?document=goals/<cycleId>&goal=<goalId> → { entries: HistoryEntry[] }, newest
// first: who changed what of one goal and when, old → new values, replayed from the document log
// (GOAL24). For any signed-in person of the cycle's organisation, as the tree itself is.
// Path note for the /goals page: `history` is a static segment, so it wins over a `[cycle]` route.
import { error, json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { isUuid } from '@threadline/domain/ids';
import { goalHistory, goalTreeOf } from '$lib/goals/panels/history.server';

export async function GET({ locals, url }) {
  if (!locals.person) error(401, 'Sign in to see the history of goals.');
  const goalId = url.searchParams.get('goal');
  if (!isUuid(goalId)) error(400, 'Name the goal: ?goal=<goal id>.');
  const key = await goalTreeOf(db(), locals.person, url.searchParams.get('document'));
  if (!key) error(404, 'No such goal tree in your organisation.');
  return json({ entries: await goalHistory(db(), key, goalId) });
}
