import { describe, expect, it } from 'vitest';
import { describeChange, quoted } from './history-format.ts';

const names: Record<string, string> = { k: 'Kwame Mensah', s: 'Sofía Hernández' };
const nameOf = (id: string) => names[id] ?? 'Someone';
const M = '2026-12-08';

describe('agenda history in words', () => {
  it('[ONE16] says what changed, quoting the texts and naming the people', () => {
    expect(
      describeChange({ kind: 'point-added', meetingId: M, section: 'track', to: 'RFC' }, nameOf),
    ).toBe('added “RFC” to Track');
    expect(
      describeChange(
        { kind: 'action-owner', meetingId: M, from: 'k', to: 's', title: 'Draft' },
        nameOf,
      ),
    ).toBe('gave “Draft” to Sofía Hernández (was Kwame Mensah)');
    expect(describeChange({ kind: 'notes-edited', meetingId: M, from: '', to: 'Hi' }, nameOf)).toBe(
      'wrote the shared notes',
    );
  });

  it('cuts long texts and names empty ones', () => {
    expect(quoted('x'.repeat(100))).toBe(`“${'x'.repeat(79)}…”`);
    expect(quoted('  ')).toBe('(empty)');
  });
});
