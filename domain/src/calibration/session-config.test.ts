import { describe, expect, it } from 'vitest';
import {
  bandsFromCuts,
  checkBands,
  checkEditable,
  checkGuideline,
  checkParticipants,
  checkScale,
  checkTransition,
  defaultBands,
  defaultGuideline,
  defaultScale,
  guidelineSum,
  parseSessionConfig,
  performanceOf,
} from './session-config.ts';

const form = {
  name: '  2026 H2   Engineering ',
  cycleId: 'c1',
  scaleLabels: ['Below', 'Partly', 'Meets', 'Exceeds', 'Outstanding'],
  lowUpTo: '2',
  highFrom: '4',
  guideline: ['10', '20', '40', '20', '10'],
  populationKind: 'team',
  populationTeamId: 't1',
  participants: [
    { personId: 'p1', role: 'facilitator' },
    { personId: 'p2', role: 'leader' },
  ],
};

describe('calibration session configuration', () => {
  it('parses a well-formed session, tidying the name', () => {
    expect(parseSessionConfig(form)).toEqual({
      ok: true,
      value: {
        name: '2026 H2 Engineering',
        cycleId: 'c1',
        scale: form.scaleLabels.map((label, index) => ({ value: index + 1, label })),
        performanceBands: { low: [1, 2], medium: [3], high: [4, 5] },
        guideline: { '1': 10, '2': 20, '3': 40, '4': 20, '5': 10 },
        population: { kind: 'team', teamId: 't1' },
        participants: form.participants,
      },
    });
  });

  it('[CAL1] defaults to five labelled points', () => {
    expect(defaultScale().map((point) => point.label)).toEqual([
      'Below expectations',
      'Partially meets',
      'Meets expectations',
      'Exceeds expectations',
      'Outstanding',
    ]);
    expect(defaultScale(4).map((point) => point.value)).toEqual([1, 2, 3, 4]);
  });

  it('[CAL1] refuses fewer than 3 or more than 10 points, blank and repeated labels', () => {
    expect(checkScale(defaultScale(2))).toBe('A scale has 3 to 10 points.');
    expect(checkScale(defaultScale(11))).toBe('A scale has 3 to 10 points.');
    expect(checkScale(defaultScale(10))).toBeNull();
    expect(checkScale([...defaultScale(2), { value: 3, label: ' ' }])).toBe(
      'Give every rating a label.',
    );
    expect(checkScale([...defaultScale(2), { value: 3, label: 'rating 1' }])).toBe(
      'Two ratings have the same label.',
    );
    expect(checkScale([{ value: 2, label: 'a' }, ...defaultScale(3).slice(1)])).toBe(
      'Rating values run from 1 upwards, lowest first.',
    );
  });

  it('[CAL2] default bands are a third low, a third high, the rest medium', () => {
    expect(defaultBands(5)).toEqual({ low: [1, 2], medium: [3], high: [4, 5] });
    expect(defaultBands(3)).toEqual({ low: [1], medium: [2], high: [3] });
    expect(defaultBands(10)).toEqual({
      low: [1, 2, 3],
      medium: [4, 5, 6, 7],
      high: [8, 9, 10],
    });
    for (let points = 3; points <= 10; points += 1) {
      expect(checkBands(defaultBands(points), points)).toBeNull();
    }
  });

  it('[CAL2] refuses an empty band, a gap, an overlap or bands out of order', () => {
    const empty = 'Low, medium and high performance each need at least one rating.';
    const order = 'The bands cover the scale in order: low ratings first, then medium, then high.';
    expect(checkBands(bandsFromCuts(5, 3, 4), 5)).toBe(empty);
    expect(checkBands({ low: [1], medium: [3], high: [4, 5] }, 5)).toBe(order);
    expect(checkBands({ low: [1, 2], medium: [2, 3], high: [4, 5] }, 5)).toBe(order);
    expect(checkBands({ low: [4, 5], medium: [3], high: [1, 2] }, 5)).toBe(order);
    expect(parseSessionConfig({ ...form, lowUpTo: '4', highFrom: '4' })).toMatchObject({
      ok: false,
      errors: { bands: empty },
    });
  });

  it('[CAL2] a rating falls in exactly one band', () => {
    const bands = defaultBands(5);
    expect([1, 2, 3, 4, 5].map((rating) => performanceOf(bands, rating))).toEqual([
      'low',
      'low',
      'medium',
      'high',
      'high',
    ]);
    expect(performanceOf(bands, 6)).toBeUndefined();
  });

  it('[CAL3] the default guideline is 10/20/40/20/10 and every default adds up to 100', () => {
    expect(defaultGuideline(5)).toEqual({ '1': 10, '2': 20, '3': 40, '4': 20, '5': 10 });
    for (let points = 3; points <= 10; points += 1) {
      expect(guidelineSum(defaultGuideline(points))).toBe(100);
      expect(checkGuideline(defaultGuideline(points), points)).toBeNull();
    }
  });

  it('[CAL3] refuses a guideline that does not add up to 100, with its sum', () => {
    expect(parseSessionConfig({ ...form, guideline: ['10', '20', '40', '20', '20'] })).toEqual({
      ok: false,
      errors: { guideline: 'The guideline adds up to 110 %: it must add up to 100 %.' },
    });
    expect(checkGuideline({ '1': 50, '2': 50 }, 3)).toBe('Give a percentage for every rating.');
    expect(checkGuideline({ '1': 50, '2': 50.5, '3': -0.5 }, 3)).toBe(
      'Each percentage is a whole number from 0 to 100.',
    );
    expect(parseSessionConfig({ ...form, guideline: ['10', '', '40', '20', '10'] })).toMatchObject({
      ok: false,
      errors: { guideline: 'Each percentage is a whole number from 0 to 100.' },
    });
  });

  it('[CAL4] a session has a name and a cycle', () => {
    expect(parseSessionConfig({ ...form, name: '   ', cycleId: '' })).toMatchObject({
      ok: false,
      errors: {
        name: 'Give the session a name.',
        cycleId: 'Choose the cycle this session calibrates.',
      },
    });
    expect(parseSessionConfig({ ...form, name: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      errors: { name: 'Keep the name under 200 characters.' },
    });
  });

  it('[CAL5] the population is a team, or people picked, never empty', () => {
    expect(parseSessionConfig({ ...form, populationTeamId: '' })).toMatchObject({
      ok: false,
      errors: { population: 'Choose the department or team to calibrate.' },
    });
    expect(
      parseSessionConfig({ ...form, populationKind: 'people', populationPersonIds: [] }),
    ).toMatchObject({
      ok: false,
      errors: { population: 'The population is empty: choose a team with people, or people.' },
    });
    const picked = parseSessionConfig({
      ...form,
      populationKind: 'people',
      populationPersonIds: ['a', 'b', 'a'],
    });
    expect(picked).toMatchObject({
      ok: true,
      value: { population: { kind: 'people', personIds: ['a', 'b'] } },
    });
  });

  it('[CAL6] participants include a facilitator, each person once', () => {
    expect(checkParticipants([{ personId: 'p', role: 'leader' }])).toBe(
      'Add at least one facilitator: they run the session.',
    );
    expect(
      checkParticipants([
        { personId: 'p', role: 'facilitator' },
        { personId: 'p', role: 'leader' },
      ]),
    ).toBe('Each participant takes part once, in one role.');
    expect(parseSessionConfig({ ...form, participants: [] })).toMatchObject({
      ok: false,
      errors: { participants: 'Add at least one facilitator: they run the session.' },
    });
  });

  it('[CAL7] states move forward one step at a time; finalized may be reopened', () => {
    const admin = { isAdmin: true, isFacilitator: false };
    const facilitator = { isAdmin: false, isFacilitator: true };
    expect(checkTransition('open_proposals', 'draft', admin, '')).toBeNull();
    expect(checkTransition('start_session', 'proposals', facilitator, '')).toBeNull();
    expect(checkTransition('finalize', 'in_session', facilitator, '')).toBeNull();
    expect(checkTransition('reopen', 'finalized', facilitator, 'Missed a promotion')).toBeNull();
    expect(checkTransition('start_session', 'draft', facilitator, '')).toBe(
      'This session is draft: it cannot go to “in session” from there.',
    );
    expect(checkTransition('finalize', 'finalized', facilitator, '')).toMatch(/cannot go/);
    expect(checkTransition('open_proposals', 'proposals', admin, '')).toMatch(/cannot go/);
  });

  it('[CAL7] only a facilitator starts, finalizes and reopens; nobody else moves the states', () => {
    const admin = { isAdmin: true, isFacilitator: false };
    const leader = { isAdmin: false, isFacilitator: false };
    expect(checkTransition('start_session', 'proposals', admin, '')).toBe(
      'Only a facilitator of this session can do this.',
    );
    expect(checkTransition('finalize', 'in_session', admin, '')).toBe(
      'Only a facilitator of this session can do this.',
    );
    expect(checkTransition('reopen', 'finalized', admin, 'why')).toBe(
      'Only a facilitator of this session can do this.',
    );
    expect(checkTransition('open_proposals', 'draft', leader, '')).toBe(
      'Only an administrator or a facilitator of this session can do this.',
    );
  });

  it('[CAL8] the configuration changes only while the session is a draft', () => {
    expect(checkEditable('draft')).toBeNull();
    for (const status of ['proposals', 'in_session', 'finalized'] as const) {
      expect(checkEditable(status)).toMatch(/can no longer change/);
    }
  });

  it('[CAL9] reopening needs a reason', () => {
    const facilitator = { isAdmin: false, isFacilitator: true };
    expect(checkTransition('reopen', 'finalized', facilitator, '  ')).toBe(
      'Say why the session is reopened: the reason is kept with the change.',
    );
  });
});
