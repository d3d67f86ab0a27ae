// GET /calibration/<id>/pay: the population's pay and the session's merit settings, for the Pay
// view beside the board (CAL82). Only for readers CAL76 allows, checked in the database; anyone
// else gets 403 and no figure. Never stored by the browser or its service worker (no-store).
import { error, json } from '@sveltejs/kit';
import { PAY_REFUSED, populationPay } from '@threadline/db/calibration-pay';
import { requireSignedIn } from '$lib/calibration/access.server';
import { db } from '$lib/server/db';

const PRIVATE = { 'cache-control': 'no-store, private' };

export async function GET({ locals, params }) {
  const person = requireSignedIn(locals);
  const answer = await populationPay(db(), person.organisationId, params.id, person.id);
  if (!answer.ok) {
    if (answer.reason === 'not-found')
      error(404, 'There is no such calibration session in your organisation.');
    error(403, PAY_REFUSED);
  }
  return json({ pay: answer.pay, merit: answer.merit }, { headers: PRIVATE });
}
