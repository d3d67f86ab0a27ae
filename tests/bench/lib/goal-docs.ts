// Goal-tree documents for the workloads, written with the domain's own edit helpers so they have
// the shape the product (and any server-side validation) expects.
import * as Y from 'yjs';
import { addGoals, goalText } from '@threadline/domain/goals/edits';

/** Adds `count` goals owned by `personId`; their ids, in order. */
export function addBenchGoals(doc: Y.Doc, count: number, personId: string, first = 0): string[] {
  return addGoals(
    doc,
    Array.from({ length: count }, (_, i) => ({
      title: `Goal ${first + i + 1}`,
      level: 'person' as const,
      ownerId: personId,
      parentId: null,
    })),
    { by: personId },
  );
}

/** Types `text` at the end of the goal's description: one edit, one Yjs update. */
export function typeInDescription(doc: Y.Doc, goalId: string, text: string) {
  const description = goalText(doc, goalId, 'description');
  if (!description) throw new Error(`no goal ${goalId}`);
  description.insert(description.length, text);
}

export function descriptionOf(doc: Y.Doc, goalId: string): string {
  return goalText(doc, goalId, 'description')?.toString() ?? '';
}

/** Every goal's description, concatenated (to look for markers). */
export function allDescriptions(doc: Y.Doc): string {
  const goals = doc.getMap<Y.Map<unknown>>('goals');
  let text = '';
  for (const goal of goals.values()) {
    const description = goal.get('description');
    if (description instanceof Y.Text) text += description.toString();
  }
  return text;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz      ';

function randomText(length: number, random: () => number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += LETTERS[Math.floor(random() * LETTERS.length)];
  return text;
}

/** A deterministic generator (mulberry32), so every server gets the same big document. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A goal tree of about `targetBytes` encoded, built the way people write one: goals added in
 * groups, descriptions typed in many pieces at varying places (so the document has tens of
 * thousands of items, not a few big strings). Returns the updates in the order to send them,
 * each under `maxUpdateBytes`, and the document itself.
 */
export function buildLargeGoalTree(
  targetBytes: number,
  personId: string,
  maxUpdateBytes = 256 * 1024,
): { doc: Y.Doc; updates: Uint8Array[] } {
  const random = seededRandom(42);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  let sent = Y.encodeStateVector(doc);
  let size = 0;
  let goals = 0;
  while (size < targetBytes) {
    const ids = addBenchGoals(doc, 20, personId, goals);
    goals += ids.length;
    for (const id of ids) {
      const description = goalText(doc, id, 'description')!;
      for (let piece = 0; piece < 40; piece++) {
        const at = Math.floor(random() * (description.length + 1));
        doc.transact(() => description.insert(at, randomText(60, random)));
      }
    }
    const update = Y.encodeStateAsUpdate(doc, sent);
    if (update.byteLength > maxUpdateBytes) throw new Error('raise maxUpdateBytes');
    updates.push(update);
    sent = Y.encodeStateVector(doc);
    size += update.byteLength;
  }
  return { doc, updates };
}
