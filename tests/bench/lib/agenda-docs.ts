// What one member of a 1:1 does to today's agenda, as the page does it, with the domain's own edit
// helpers (`one-on-ones/edits.ts`): mostly typing in the shared notes (through the rich-text
// shape TipTap's collaboration binding writes: paragraphs, list items and task items, each an
// element holding a Y.XmlText), then typing into and adding talking points, adding action items,
// and now and then a tick, a reorder or an item ticked off. Every edit that writes text carries
// the benchmark's marker in it; a tick or a reorder writes no text, so it carries none (its
// delivery is not timed, but it is sent, validated, saved and counted like the rest).
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { agendaOf } from '@threadline/domain/one-on-ones/agenda';
import {
  addAction,
  addPoint,
  movePoint,
  setActionDone,
  setPointDone,
} from '@threadline/domain/one-on-ones/edits';
import { AGENDA_SECTIONS } from '@threadline/domain/one-on-ones/model';
import { actionsOf, notesOf, pointsOf } from '@threadline/domain/one-on-ones/shape';
import { ONE_ON_ONE_LIMITS } from '@threadline/domain/one-on-ones/schema';

const WORDS = [
  'roadmap',
  'hiring',
  'the launch',
  'feedback',
  'on-call',
  'the migration',
  'promotion case',
  'next quarter',
  'pairing',
  'the design review',
  'budget',
  'customer call',
];

/** How often each edit happens, out of 100 (the rest of `typeNotes`). */
const MIX = {
  typePoint: 20,
  addPoint: 9,
  addAction: 5,
  tickPoint: 6,
  reorder: 5,
  tickAction: 4,
};

/** A block of the notes grows to about this many characters before the next one starts. */
const BLOCK_CHARACTERS = 140;
/** A talking point's text stays well under the schema's limit (ONE9). */
const POINT_CHARACTERS = ONE_ON_ONE_LIMITS.pointText - 100;

type Block = 'paragraph' | 'listItem' | 'taskItem';
const LIST_OF: Record<Exclude<Block, 'paragraph'>, string> = {
  listItem: 'bulletList',
  taskItem: 'taskList',
};

export interface AgendaMember {
  personId: string;
  /** The other member: half the action items are theirs. */
  otherId: string;
  /** Today's meeting (its day, ONE8). */
  meetingId: string;
}

export class AgendaEditor {
  readonly #doc: Y.Doc;
  readonly #member: AgendaMember;
  readonly #random: () => number;
  /** The notes block this member is typing in, and the points they are writing. */
  #block: Y.XmlText | null = null;
  #point: string | null = null;

  constructor(doc: Y.Doc, member: AgendaMember, random: () => number = Math.random) {
    this.#doc = doc;
    this.#member = member;
    this.#random = random;
  }

  /** Makes the next edit; true when its update carries `marker`. */
  edit(marker: string): boolean {
    let roll = this.#random() * 100;
    const pick = (share: number) => (roll -= share) < 0;
    if (pick(MIX.typePoint)) return this.#typeInPoint(marker);
    if (pick(MIX.addPoint)) return this.#addPoint(marker);
    if (pick(MIX.addAction)) return this.#addAction(marker);
    if (pick(MIX.tickPoint) && this.#tickPoint()) return false;
    if (pick(MIX.reorder) && this.#reorder()) return false;
    if (pick(MIX.tickAction) && this.#tickAction()) return false;
    return this.#typeNotes(marker);
  }

  #word(): string {
    return WORDS[Math.floor(this.#random() * WORDS.length)]!;
  }

  #typeNotes(marker: string): true {
    const text = `${marker} ${this.#word()} `;
    const block = this.#block;
    if (block && block.length < BLOCK_CHARACTERS) {
      block.insert(block.length, text);
      return true;
    }
    const roll = this.#random();
    const kind: Block = roll < 0.6 ? 'paragraph' : roll < 0.8 ? 'listItem' : 'taskItem';
    const fragment = notesOf(this.#doc, this.#member.meetingId);
    const content = new Y.XmlText(text);
    const paragraph = new Y.XmlElement('paragraph');
    this.#doc.transact(() => {
      paragraph.insert(0, [content]);
      if (kind === 'paragraph') {
        fragment.insert(fragment.length, [paragraph]);
        return;
      }
      const item = new Y.XmlElement(kind);
      if (kind === 'taskItem') {
        // TipTap writes the checkbox as a boolean attribute (NOTES_SCHEMA).
        (item as unknown as Y.XmlElement<Record<string, boolean>>).setAttribute('checked', false);
      }
      item.insert(0, [paragraph]);
      // A new item joins the list the notes end with when it is the same kind of list.
      const last = fragment.length > 0 ? fragment.get(fragment.length - 1) : null;
      if (last instanceof Y.XmlElement && last.nodeName === LIST_OF[kind]) {
        last.insert(last.length, [item]);
      } else {
        const list = new Y.XmlElement(LIST_OF[kind]);
        list.insert(0, [item]);
        fragment.insert(fragment.length, [list]);
      }
    });
    this.#block = content;
    return true;
  }

  #addPoint(marker: string): true {
    const id = randomUUID();
    const section = AGENDA_SECTIONS[Math.floor(this.#random() * AGENDA_SECTIONS.length)]!;
    addPoint(
      this.#doc,
      id,
      { meetingId: this.#member.meetingId, section, text: `${marker} ${this.#word()}` },
      { by: this.#member.personId },
    );
    this.#point = id;
    return true;
  }

  #typeInPoint(marker: string): true {
    const text = this.#point && pointsOf(this.#doc).get(this.#point)?.get('text');
    if (!(text instanceof Y.Text) || text.length > POINT_CHARACTERS) return this.#addPoint(marker);
    text.insert(text.length, ` ${marker}`);
    return true;
  }

  #addAction(marker: string): true {
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    addAction(
      this.#doc,
      randomUUID(),
      {
        meetingId: this.#member.meetingId,
        title: `${marker} follow up on ${this.#word()}`,
        ownerId: this.#random() < 0.5 ? this.#member.personId : this.#member.otherId,
        dueDate: due,
      },
      { by: this.#member.personId },
    );
    return true;
  }

  /** Today's talking points (either member's), in section order. */
  #points() {
    const agenda = agendaOf(this.#doc, this.#member.meetingId);
    return AGENDA_SECTIONS.flatMap((section) => agenda[section]);
  }

  #tickPoint(): boolean {
    const points = this.#points();
    if (points.length === 0) return false;
    const point = points[Math.floor(this.#random() * points.length)]!;
    return setPointDone(this.#doc, point.id, !point.done);
  }

  #reorder(): boolean {
    const points = this.#points();
    if (points.length < 2) return false;
    const point = points[Math.floor(this.#random() * points.length)]!;
    // Mostly within its section (drag or Alt+arrow), now and then into another one.
    const section =
      this.#random() < 0.8
        ? point.section
        : AGENDA_SECTIONS[Math.floor(this.#random() * AGENDA_SECTIONS.length)]!;
    return movePoint(this.#doc, point.id, section, Math.floor(this.#random() * 4));
  }

  #tickAction(): boolean {
    const open = [...actionsOf(this.#doc).entries()].filter(
      ([, map]) => !map.get('done') && !map.get('deleted'),
    );
    if (open.length === 0) return false;
    const [id] = open[Math.floor(this.#random() * open.length)]!;
    return setActionDone(this.#doc, id, true, this.#member.meetingId, {
      by: this.#member.personId,
    });
  }
}
