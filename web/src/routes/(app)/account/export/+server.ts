// GET /account/export → the plan of the signed-in person's own export (its parts, EXP11);
// GET /account/export?part=<id> → one part as JSON (EXP1–EXP8). Only ever the asking person's:
// there is no parameter naming whose export it is.
import { error, json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { personalExportPart, personalExportPlan } from '$lib/exports/personal.server';

export async function GET({ locals, url, setHeaders }) {
  if (!locals.person) error(401, 'Sign in to export your data.');
  setHeaders({ 'cache-control': 'private, no-store' });
  const part = url.searchParams.get('part');
  if (part === null) return json(await personalExportPlan(db(), locals.person));
  const data = await personalExportPart(db(), locals.person, part);
  if (!data) error(404, 'No such part of your export.');
  return json(data);
}
