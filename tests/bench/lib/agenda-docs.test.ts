// The 1:1 workload's edits are ones the server accepts from their author (ONE14, the agenda's
// schema), and an edit said to carry its marker does, so the benchmark measures real agenda
// traffic rather than updates the validator would refuse.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateOrganisation } from '@threadline/domain/demo/generate';
import { generateDemoOneOnOnes } from '@threadline/domain/demo/one-on-ones';
import { writeDemoSeriesLogs } from '@threadline/domain/demo/one-on-ones-log';
import { ensureNextMeeting } from '@threadline/domain/one-on-ones/edits';
import { validateAgendaDocument } from '@threadline/domain/one-on-ones/schema';
import { notesOf } from '@threadline/domain/one-on-ones/shape';
import { judgeAgendaUpdate } from '@threadline/domain/one-on-ones/update-check';
import { AgendaEditor } from './agenda-docs.ts';
import { seededRandom } from './goal-docs.ts';
import { formatMarker, markersIn } from './markers.ts';

const TODAY = '2026-12-07';

function seriesWithHistory() {
  const organisation = generateOrganisation({
    people: 25,
    seed: 3,
    domain: 'bench.example',
    today: TODAY,
  });
  const series = generateDemoOneOnOnes(organisation, { seed: 3, today: TODAY }).series[0]!;
  const ids = new Map(organisation.people.map((p, i) => [p.key, uuidOf(i)]));
  const person = (key: string) => ids.get(key)!;
  const server = new Y.Doc();
  const logs = writeDemoSeriesLogs(series, { person });
  for (const entry of logs.agenda.entries) Y.applyUpdate(server, entry.update);
  const managerId = person(series.managerKey);
  const meetingId = ensureNextMeeting(server, series, TODAY, { by: managerId });
  return { server, managerId, employeeId: person(series.employeeKey), meetingId };
}

const uuidOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe('the 1:1 agendas workload', () => {
  it('[ONE14] makes edits the server accepts from their author, each marked one carrying its marker', () => {
    const { server, managerId, employeeId, meetingId } = seriesWithHistory();
    const members = [
      { personId: managerId, otherId: employeeId },
      { personId: employeeId, otherId: managerId },
    ].map((member, i) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      const editor = new AgendaEditor(doc, { ...member, meetingId }, seededRandom(10 + i));
      return { ...member, doc, editor };
    });
    // The server's scratch replica: equal to the live document before each update (they are
    // applied to both once accepted).
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(server));
    let marked = 0;
    let unmarked = 0;
    for (let seq = 0; seq < 600; seq++) {
      const member = members[seq % 2]!;
      let update: Uint8Array | null = null;
      const capture = (u: Uint8Array) => (update = u);
      member.doc.on('update', capture);
      const carries = member.editor.edit(formatMarker(seq));
      member.doc.off('update', capture);
      expect(update, `edit ${seq} changed nothing`).not.toBeNull();
      const bytes = update as unknown as Uint8Array;
      expect(markersIn(new TextDecoder().decode(bytes)).includes(seq)).toBe(carries);
      if (carries) marked++;
      else unmarked++;
      const verdict = judgeAgendaUpdate(server, scratch, bytes, {
        personId: member.personId,
        managerId,
        employeeId,
      });
      expect(verdict, `edit ${seq}`).toEqual({ ok: true });
      Y.applyUpdate(server, bytes);
      // The other member receives it live, as the workload's clients do.
      Y.applyUpdate(members[(seq + 1) % 2]!.doc, bytes);
    }
    expect(validateAgendaDocument(server)).toEqual([]);
    // Mostly typing, some ticks and reorders; the notes hold paragraphs and lists.
    expect(marked).toBeGreaterThan(450);
    expect(unmarked).toBeGreaterThan(30);
    const blocks = notesOf(server, meetingId)
      .toArray()
      .map((node) => (node as Y.XmlElement).nodeName);
    expect(new Set(blocks)).toEqual(new Set(['paragraph', 'bulletList', 'taskList']));
  });
});
