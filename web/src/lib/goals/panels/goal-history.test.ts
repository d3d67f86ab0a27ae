import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addGoal,
  addMilestone,
  approveGoal,
  moveGoal,
  recordProgress,
  setMilestoneDone,
  updateGoalFields,
  updateMetric,
} from '@threadline/domain/goals/edits';
import { uuid } from '@threadline/domain/goals/testing';
import { replayHistories, type LoggedChange } from './goal-history.ts';

const OWNER = uuid(101);
const MANAGER = uuid(102);
const THEME = uuid(1);
const OTHER_THEME = uuid(2);
const GOAL = uuid(3);

/** A document whose every transaction is logged as the server would: author and time. */
function loggedDoc() {
  const doc = new Y.Doc();
  const log: LoggedChange[] = [];
  let author: string | null = null;
  let time = Date.parse('2026-07-01T09:00:00Z');
  doc.on('update', (update: Uint8Array) => {
    log.push({ personId: author, receivedAt: new Date(time), update });
  });
  const as = (person: string | null, at: string, edit: () => void) => {
    author = person;
    time = Date.parse(at);
    edit();
  };
  return { doc, log, as };
}

function scenario() {
  const { doc, log, as } = loggedDoc();
  const ctx = (by: string, at: string) => ({ by, at });
  as(MANAGER, '2026-07-01T09:00:00Z', () => {
    addGoal(
      doc,
      { id: THEME, title: 'Grow revenue', level: 'company', ownerId: MANAGER, parentId: null },
      ctx(MANAGER, '2026-07-01T09:00:00.000Z'),
    );
    addGoal(
      doc,
      {
        id: OTHER_THEME,
        title: 'Delight customers',
        level: 'company',
        ownerId: MANAGER,
        parentId: null,
      },
      ctx(MANAGER, '2026-07-01T09:00:00.000Z'),
    );
  });
  as(OWNER, '2026-07-02T10:00:00Z', () =>
    addGoal(
      doc,
      {
        id: GOAL,
        title: 'Close 10 deals',
        level: 'person',
        state: 'proposed',
        ownerId: OWNER,
        parentId: THEME,
        metric: { kind: 'number', start: 0, target: 10 },
      },
      ctx(OWNER, '2026-07-02T10:00:00.000Z'),
    ),
  );
  as(MANAGER, '2026-07-03T08:00:00Z', () =>
    approveGoal(doc, GOAL, ctx(MANAGER, '2026-07-03T08:00:00.000Z')),
  );
  as(OWNER, '2026-08-01T12:00:00Z', () =>
    recordProgress(doc, GOAL, 4, ctx(OWNER, '2026-08-01T11:59:00.000Z')),
  );
  as(MANAGER, '2026-09-01T12:00:00Z', () => {
    updateMetric(doc, GOAL, { target: 12 }, ctx(MANAGER, '2026-09-01T12:00:00.000Z'));
  });
  as(OWNER, '2026-09-02T12:00:00Z', () =>
    updateGoalFields(
      doc,
      GOAL,
      { title: 'Close 12 deals' },
      ctx(OWNER, '2026-09-02T12:00:00.000Z'),
    ),
  );
  as(MANAGER, '2026-09-03T12:00:00Z', () =>
    moveGoal(doc, GOAL, { parentId: OTHER_THEME }, ctx(MANAGER, '2026-09-03T12:00:00.000Z')),
  );
  return { doc, log };
}

describe('goal history from the update log', () => {
  it('[GOAL23] [GOAL24] lists who changed what and when, old → new, oldest first', () => {
    const { log } = scenario();
    const { histories } = replayHistories(log);
    const entries = histories
      .get(GOAL)!
      .map(({ at, byId, field, from, to }) => ({ at, byId, field, from, to }));
    expect(entries).toEqual([
      {
        at: '2026-07-02T10:00:00.000Z',
        byId: OWNER,
        field: 'created',
        from: null,
        to: 'Close 10 deals',
      },
      { at: '2026-07-03T08:00:00.000Z', byId: MANAGER, field: 'approval', from: null, to: MANAGER },
      { at: '2026-08-01T11:59:00.000Z', byId: OWNER, field: 'current', from: null, to: 4 },
      { at: '2026-09-01T12:00:00.000Z', byId: MANAGER, field: 'target', from: 10, to: 12 },
      {
        at: '2026-09-02T12:00:00.000Z',
        byId: OWNER,
        field: 'title',
        from: 'Close 10 deals',
        to: 'Close 12 deals',
      },
      {
        at: '2026-09-03T12:00:00.000Z',
        byId: MANAGER,
        field: 'parent',
        from: THEME,
        to: OTHER_THEME,
      },
    ]);
  });

  it('[GOAL24] gives a goal only the changes of the updates that touched it', () => {
    const { log } = scenario();
    const { histories, titles } = replayHistories(log);
    expect(histories.get(THEME)!.map((entry) => entry.field)).toEqual(['created']);
    expect(titles.get(GOAL)).toBe('Close 12 deals');
    expect(histories.has(uuid(99))).toBe(false);
  });

  it('[GOAL24] a milestone ticked is one entry in the name of who ticked it', () => {
    const { doc, log, as } = loggedDoc();
    as(OWNER, '2026-07-02T10:00:00Z', () =>
      addGoal(
        doc,
        {
          id: GOAL,
          title: 'Launch',
          level: 'person',
          ownerId: OWNER,
          parentId: null,
          metric: { kind: 'milestones' },
        },
        { by: OWNER, at: '2026-07-02T10:00:00.000Z' },
      ),
    );
    let milestone = '';
    as(OWNER, '2026-07-03T10:00:00Z', () => {
      milestone = addMilestone(doc, GOAL, 'Beta', { by: OWNER })!;
    });
    // A system row (imported data) still credits the tick to the check-in's author.
    as(null, '2026-08-01T00:00:00Z', () =>
      setMilestoneDone(doc, GOAL, milestone, true, { by: OWNER, at: '2026-07-20T15:00:00.000Z' }),
    );
    const entries = replayHistories(log).histories.get(GOAL)!;
    expect(
      entries
        .slice(1)
        .map(({ at, byId, field, from, to, detail }) => ({ at, byId, field, from, to, detail })),
    ).toEqual([
      {
        at: '2026-07-03T10:00:00.000Z',
        byId: OWNER,
        field: 'milestone',
        from: null,
        to: 'Beta',
        detail: undefined,
      },
      {
        at: '2026-07-20T15:00:00.000Z',
        byId: OWNER,
        field: 'milestone',
        from: false,
        to: true,
        detail: 'Beta',
      },
    ]);
  });

  it('[GOAL24] replays a log with several check-ins per update, each in its author’s name', () => {
    const { doc, log, as } = loggedDoc();
    as(OWNER, '2026-07-02T10:00:00Z', () =>
      addGoal(
        doc,
        {
          id: GOAL,
          title: 'Cut latency',
          level: 'person',
          ownerId: OWNER,
          parentId: null,
          metric: { kind: 'number', start: 800, target: 400, unit: 'ms' },
        },
        { by: OWNER, at: '2026-07-02T10:00:00.000Z' },
      ),
    );
    as(null, '2026-08-31T00:00:00Z', () =>
      doc.transact(() => {
        recordProgress(doc, GOAL, 700, { by: OWNER, at: '2026-08-01T10:00:00.000Z' });
        recordProgress(doc, GOAL, 650, { by: MANAGER, at: '2026-08-15T10:00:00.000Z' });
      }),
    );
    // A check-in that finds the value unchanged is still a check-in.
    as(OWNER, '2026-09-01T00:00:00Z', () =>
      recordProgress(doc, GOAL, 650, { by: OWNER, at: '2026-09-01T00:00:00.000Z' }),
    );
    const values = replayHistories(log)
      .histories.get(GOAL)!
      .filter((e) => e.field === 'current');
    expect(values.map(({ byId, from, to }) => ({ byId, from, to }))).toEqual([
      { byId: OWNER, from: null, to: 700 },
      { byId: MANAGER, from: 700, to: 650 },
      { byId: OWNER, from: 650, to: 650 },
    ]);
  });

  it('[GOAL24] folds typing into one change per person, and a new goal’s first title into its creation', () => {
    const { doc, log, as } = loggedDoc();
    as(OWNER, '2026-07-02T10:00:00Z', () =>
      addGoal(
        doc,
        { id: GOAL, title: '', level: 'person', ownerId: OWNER, parentId: null },
        { by: OWNER, at: '2026-07-02T10:00:00.000Z' },
      ),
    );
    const type = (who: string, at: string, text: string) =>
      as(who, at, () => updateGoalFields(doc, GOAL, { title: text }, { by: who }));
    // Typed keystroke by keystroke right after adding it: the goal was created with that title.
    type(OWNER, '2026-07-02T10:00:02Z', 'C');
    type(OWNER, '2026-07-02T10:00:03Z', 'Cu');
    type(OWNER, '2026-07-02T10:00:04Z', 'Cut');
    // Days later, reworded in two bursts by two people.
    type(MANAGER, '2026-07-09T10:00:00Z', 'Cut churn');
    type(MANAGER, '2026-07-09T10:00:30Z', 'Cut churn to 2%');
    type(OWNER, '2026-07-09T10:01:00Z', 'Cut churn to 2% by Q4');
    // Typed and undone: nothing to show.
    type(OWNER, '2026-07-20T10:00:00Z', 'Cut churn to 2% by Q4!');
    type(OWNER, '2026-07-20T10:00:01Z', 'Cut churn to 2% by Q4');
    const entries = replayHistories(log).histories.get(GOAL)!;
    expect(entries.map(({ byId, field, from, to }) => ({ byId, field, from, to }))).toEqual([
      { byId: OWNER, field: 'created', from: null, to: 'Cut' },
      { byId: MANAGER, field: 'title', from: 'Cut', to: 'Cut churn to 2%' },
      { byId: OWNER, field: 'title', from: 'Cut churn to 2%', to: 'Cut churn to 2% by Q4' },
    ]);
  });

  it('[GOAL24] a goal first seen with its approval and check-ins lists them in their authors’ names', () => {
    const { doc, log, as } = loggedDoc();
    // One imported (system) update brings the goal, its approval and two check-ins at once.
    as(null, '2026-07-31T00:00:00Z', () =>
      doc.transact(() => {
        addGoal(
          doc,
          {
            id: GOAL,
            title: 'Close 10 deals',
            level: 'person',
            state: 'proposed',
            ownerId: OWNER,
            parentId: null,
            metric: { kind: 'number', start: 0, target: 10 },
          },
          { by: OWNER, at: '2026-07-01T09:00:00.000Z' },
        );
        approveGoal(doc, GOAL, { by: MANAGER, at: '2026-07-02T09:00:00.000Z' });
        recordProgress(doc, GOAL, 2, { by: OWNER, at: '2026-07-10T09:00:00.000Z' });
        recordProgress(doc, GOAL, 3, { by: OWNER, at: '2026-07-20T09:00:00.000Z' });
      }),
    );
    const entries = replayHistories(log).histories.get(GOAL)!;
    expect(entries.map(({ at, byId, field, from, to }) => ({ at, byId, field, from, to }))).toEqual(
      [
        {
          at: '2026-07-01T09:00:00.000Z',
          byId: OWNER,
          field: 'created',
          from: null,
          to: 'Close 10 deals',
        },
        {
          at: '2026-07-02T09:00:00.000Z',
          byId: MANAGER,
          field: 'approval',
          from: null,
          to: MANAGER,
        },
        { at: '2026-07-10T09:00:00.000Z', byId: OWNER, field: 'current', from: null, to: 2 },
        { at: '2026-07-20T09:00:00.000Z', byId: OWNER, field: 'current', from: 2, to: 3 },
      ],
    );
  });
});
