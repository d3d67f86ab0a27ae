import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkManagerChange, managementChain, type ReportingLines } from './reporting-lines.ts';

// ceo ← vp ← lead ← dev ; ceo ← cfo
const lines: ReportingLines = new Map([
  ['ceo', null],
  ['vp', 'ceo'],
  ['lead', 'vp'],
  ['dev', 'lead'],
  ['cfo', 'ceo'],
]);
const active = (id: string) => ({ id, status: 'active' as const });

describe('reporting lines', () => {
  it('lists the management chain nearest first', () => {
    expect(managementChain(lines, 'dev')).toEqual(['lead', 'vp', 'ceo']);
    expect(managementChain(lines, 'ceo')).toEqual([]);
  });

  it('stops at a loop already present in the data instead of running forever', () => {
    const looped: ReportingLines = new Map([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(managementChain(looped, 'a')).toEqual(['b']);
  });

  it('[ORG2] refuses making a person their own manager', () => {
    expect(checkManagerChange(lines, 'dev', active('dev'))).toMatchObject({
      rule: 'ORG2',
      field: 'managerId',
    });
  });

  it('[ORG3] refuses a direct loop: A reports to B who reports to A', () => {
    expect(checkManagerChange(lines, 'lead', active('dev'))).toMatchObject({ rule: 'ORG3' });
  });

  it('[ORG3] refuses an indirect loop through several levels', () => {
    expect(checkManagerChange(lines, 'ceo', active('dev'))).toMatchObject({ rule: 'ORG3' });
  });

  it('[ORG3] allows moving a person under someone in another branch', () => {
    expect(checkManagerChange(lines, 'lead', active('cfo'))).toBeNull();
    expect(checkManagerChange(lines, 'cfo', active('dev'))).toBeNull();
  });

  it('[ORG3] allows removing a manager', () => {
    expect(checkManagerChange(lines, 'vp', null)).toBeNull();
  });

  it('[ORG14] refuses a deactivated person as a new manager', () => {
    expect(checkManagerChange(lines, 'dev', { id: 'cfo', status: 'deactivated' })).toMatchObject({
      rule: 'ORG14',
    });
  });

  it('[ORG12] keeps an existing line to a manager who has since been deactivated', () => {
    expect(checkManagerChange(lines, 'dev', { id: 'lead', status: 'deactivated' })).toBeNull();
  });

  it('[ORG3] never lets any sequence of accepted changes produce a loop', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const change = fc.tuple(fc.constantFrom(...ids), fc.option(fc.constantFrom(...ids)));
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        const current = new Map<string, string | null>(ids.map((id) => [id, null]));
        for (const [person, manager] of changes) {
          if (checkManagerChange(current, person, manager === null ? null : active(manager))) {
            continue;
          }
          current.set(person, manager);
        }
        for (const id of ids) {
          // With no loop, following managers reaches the top within ids.length steps.
          let steps = 0;
          let at = current.get(id) ?? null;
          while (at !== null && steps <= ids.length) {
            at = current.get(at) ?? null;
            steps += 1;
          }
          expect(at).toBeNull();
        }
      }),
    );
  });
});
