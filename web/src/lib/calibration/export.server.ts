// A finalized session's CSV exports (CAL79, CAL80): the final ratings and the move history, read
// from the board's log and written by csv-stringify. Who may download them is the board's own
// access rule (CAL15); the ratings' pay columns only for readers who receive pay (CAL76).
import { error } from '@sveltejs/kit';
import { stringify } from 'csv-stringify/sync';
import type { SessionPerson } from '@threadline/db';
import { readBoard } from '@threadline/db/calibration-board';
import { populationPay } from '@threadline/db/calibration-pay';
import { getSession } from '@threadline/db/calibration-sessions';
import { boardCards, movesInOrder } from '@threadline/domain/calibration/board';
import { movesRows, ratingsRows } from '@threadline/domain/calibration/export';
import { meritSummary } from '@threadline/domain/calibration/merit/recommend';
import { formatDocumentName } from '@threadline/domain/documents/names';
import { readableDocument } from '$lib/server/document-access';
import { db } from '$lib/server/db';

export const EXPORT_FILES = ['ratings', 'moves'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

/** The CSV text of one export, and a file name for it. */
export async function sessionExport(
  person: SessionPerson,
  sessionId: string,
  file: ExportFile,
): Promise<{ csv: string; filename: string }> {
  const session = await getSession(db(), person.organisationId, sessionId);
  if (!session) error(404, 'There is no such calibration session in your organisation.');
  const name = formatDocumentName({ kind: 'calibration', sessionId: session.id });
  if (!(await readableDocument(db(), person, name))) {
    error(403, 'Only the session’s participants and administrators can export it.');
  }
  if (session.status !== 'finalized')
    error(409, 'Exports are ready once the session is finalized.');
  const config = { scale: session.scale, bands: session.performanceBands };
  const board = await readBoard(db(), person.organisationId, session.id);
  const moves = movesInOrder(board);
  const names = new Map<string, string>();
  for (const someone of [...session.population, ...session.participants]) {
    names.set(someone.id, someone.name);
  }
  let rows: string[][];
  if (file === 'moves') {
    rows = movesRows({ config, moves, names });
  } else {
    const cards = [...boardCards(board, config).values()];
    const pay = await populationPay(db(), person.organisationId, session.id, person.id);
    const recommendations = pay.ok
      ? meritSummary(
          cards.map((card) => ({
            personId: card.personId,
            rating: card.current?.rating ?? null,
            pay: pay.pay[card.personId] ?? null,
          })),
          pay.merit.matrix,
          pay.merit.budgetPercent,
        ).recommendations
      : undefined;
    rows = ratingsRows({
      config,
      cards,
      moves,
      people: new Map(
        session.population.map((member) => [
          member.id,
          { name: member.name, title: member.title, managerName: member.managerName },
        ]),
      ),
      recommendations,
    });
  }
  // A header value is Latin-1: the name's letters without their accents, the rest as hyphens.
  const slug = session.name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    csv: stringify(rows, { bom: true, record_delimiter: 'windows' }),
    filename: `${slug || 'session'}-${file}.csv`,
  };
}
