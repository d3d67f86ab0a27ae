// Per-goal reactivity of GoalDocument. Only svelte/reactivity runs on the client runtime in this
// project (svelte-test-runtime.ts): `$state` fields compile for the server and never notify, so
// the bulk path (a load, a sync, a reset bump every reader) is covered by the browser tests.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addGoal, goalText } from '@threadline/domain/goals/edits';
import { track } from '$lib/sync/svelte-test-runtime';
import { GoalDocument } from './goal-document.svelte.ts';

vi.mock('svelte/reactivity', async () =>
  (await import('$lib/sync/svelte-test-runtime')).clientReactivity(),
);

const me = { id: '00000000-0000-4000-8000-000000000501', name: 'Ada' };
let open: GoalDocument | undefined;
afterEach(() => open?.destroy());

function goalDocument() {
  // Nothing listens there: the document stays offline, which is all these reads need.
  open = new GoalDocument({ name: 'goals/test', syncUrl: 'ws://127.0.0.1:9', me });
  return open;
}

function addTwoGoals(document: GoalDocument) {
  const input = { level: 'person' as const, ownerId: me.id, parentId: null };
  const context = document.context();
  return [
    addGoal(document.doc, { ...input, title: 'First' }, context),
    addGoal(document.doc, { ...input, title: 'Second' }, context),
  ] as const;
}

describe('the goal document as reactive state', () => {
  it('re-runs a reader of one goal for changes to that goal only', () => {
    const document = goalDocument();
    const [first, second] = addTwoGoals(document);
    const firstTitles = track(() => document.goal(first)?.title);
    const secondTitles = track(() => document.goal(second)?.title);

    goalText(document.doc, first, 'title')!.insert(5, ' goal');
    firstTitles.flush();
    secondTitles.flush();
    expect(firstTitles.values).toEqual(['First', 'First goal']);
    expect(secondTitles.values).toEqual(['Second']);

    goalText(document.doc, second, 'title')!.insert(6, '!');
    firstTitles.flush();
    secondTitles.flush();
    expect(firstTitles.values).toEqual(['First', 'First goal']);
    expect(secondTitles.values).toEqual(['Second', 'Second!']);
    firstTitles.stop();
    secondTitles.stop();
  });

  it('[SC10] [GOAL29] is live and complete once loaded, with no snapshot shown before', async () => {
    const document = goalDocument();
    expect(document.complete).toBe(false);
    await vi.waitFor(() => expect(document.live).toBe(true));
    // The page opens its default goals again until the whole tree is shown: it is now.
    expect(document.complete).toBe(true);
  });
});
