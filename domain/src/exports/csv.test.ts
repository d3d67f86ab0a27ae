import { describe, expect, it } from 'vitest';
import { csvCell, personalExportTables } from './csv.ts';
import { assemblePersonalExport, type PersonalExportPart } from './personal.ts';

const profile: PersonalExportPart = {
  kind: 'profile',
  organisation: { id: 'o', name: 'Demo', slug: 'demo' },
  person: {
    id: 'p',
    name: 'Kwame',
    email: 'kwame@example.test',
    title: '',
    location: 'office',
    hireDate: null,
    jobLevel: '',
    role: 'member',
    team: null,
    manager: null,
  },
  cycles: [{ id: 'c', name: 'H1', startsOn: '2026-01-01', endsOn: '2026-06-30', status: 'active' }],
  developmentItems: null,
  skillGaps: null,
  ratings: [],
};

describe('CSV cells', () => {
  it('[EXP10] prefixes text a spreadsheet would run as a formula', () => {
    for (const text of ['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\rx', '＝1']) {
      expect(csvCell(text)).toBe(`'${text}`);
    }
  });

  it('[EXP10] leaves ordinary text, numbers and booleans as they are', () => {
    expect(csvCell('Ship the API')).toBe('Ship the API');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });
});

describe('the personal export as tables', () => {
  const goal = {
    id: 'g',
    cycleId: 'c',
    parentId: null,
    title: '=HYPERLINK("x")',
    description: '',
    level: 'person',
    state: 'active',
    ownerId: 'p',
    teamId: null,
    startDate: null,
    dueDate: null,
    metric: {
      kind: 'number',
      start: 0,
      target: 10,
      current: -1,
      unit: null,
      direction: 'increasing',
      milestones: [],
    },
    progress: 0.1,
    health: 'green',
    weight: 1,
    difficulty: 'medium',
    tags: [],
    approvedBy: null,
    approvedAt: null,
    createdBy: 'p',
    createdAt: '2026-01-02T00:00:00.000Z',
    checkIns: [{ id: 'k', value: 1, progress: 0.1, at: '2026-01-03T00:00:00.000Z', by: 'p' }],
    history: [],
  };

  it('[EXP9] assembles parts in any order, cycles in their order', () => {
    const data = assemblePersonalExport(
      [
        { kind: 'goals', cycleId: 'c', goals: [goal] },
        profile,
        { kind: 'one-on-one', series: null },
      ],
      new Date('2026-12-07T00:00:00Z'),
    )!;
    expect(data.format).toBe('threadline-personal-export');
    expect(data.goals.map((g) => g.id)).toEqual(['g']);
    expect(data.oneOnOnes).toEqual([]);
    expect(assemblePersonalExport([], new Date())).toBeNull();
  });

  it('[EXP10] one table per section, cells guarded, no development items table without them', () => {
    const data = assemblePersonalExport(
      [profile, { kind: 'goals', cycleId: 'c', goals: [goal] }],
      new Date(),
    )!;
    const tables = personalExportTables(data);
    expect(tables.map((t) => t.name)).toEqual([
      'goals',
      'goal-check-ins',
      'goal-history',
      'meetings',
      'talking-points',
      'action-items',
      'private-notes',
      'moods',
      'ratings',
    ]);
    const goals = tables[0]!;
    expect(goals.rows[0]![goals.header.indexOf('title')]).toBe(`'=HYPERLINK("x")`);
    expect(goals.rows[0]![goals.header.indexOf('cycle')]).toBe('H1');
    expect(goals.rows[0]![goals.header.indexOf('current')]).toBe('-1');
  });

  it('[EXP7] development items and skill gaps keep their own columns', () => {
    const data = assemblePersonalExport(
      [
        {
          ...profile,
          developmentItems: [{ id: 'd', title: '-x', tags: ['a'] }],
          skillGaps: [{ id: 'g', skillName: 'SQL' }],
        },
      ],
      new Date(),
    )!;
    const tables = personalExportTables(data);
    expect(tables.at(-1)!.rows).toEqual([['g', 'SQL']]);
    const table = tables.at(-2)!;
    expect(table.name).toBe('development-items');
    expect(table.header).toEqual(['id', 'title', 'tags']);
    expect(table.rows).toEqual([['d', "'-x", '["a"]']]);
  });
});
