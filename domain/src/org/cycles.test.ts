import { describe, expect, it } from 'vitest';
import { checkActivation, parseCycleFields } from './cycles.ts';

const fields = { name: '2026 H2', startsOn: '2026-07-01', endsOn: '2026-12-31', status: 'planned' };

describe('cycles', () => {
  it('parses a well-formed cycle', () => {
    expect(parseCycleFields(fields)).toEqual({ ok: true, value: fields });
  });

  it('[ORG9] refuses a cycle that ends on or before its start', () => {
    expect(parseCycleFields({ ...fields, endsOn: '2026-07-01' })).toEqual({
      ok: false,
      errors: { endsOn: 'The cycle must end after it starts.' },
    });
  });

  it('[ORG9] refuses dates that do not exist', () => {
    const parsed = parseCycleFields({ ...fields, startsOn: '2026-02-30' });
    expect(parsed).toMatchObject({ ok: false, errors: { startsOn: 'Enter the start date.' } });
  });

  it('reports an empty name and an unknown status', () => {
    const parsed = parseCycleFields({ ...fields, name: '  ', status: 'open' });
    expect(parsed).toMatchObject({
      ok: false,
      errors: { name: 'Give the cycle a name.', status: 'Choose a status.' },
    });
  });

  it('[ORG10] refuses activating a cycle while another is active', () => {
    const active = { id: 'c1', name: '2026 H1' };
    expect(checkActivation('c2', 'active', active)).toMatchObject({
      rule: 'ORG10',
      message: '“2026 H1” is the active cycle: close it before activating another.',
    });
    expect(checkActivation(null, 'active', active)).toMatchObject({ rule: 'ORG10' });
  });

  it('[ORG10] allows keeping the active cycle active and activating when none is', () => {
    expect(checkActivation('c1', 'active', { id: 'c1', name: '2026 H1' })).toBeNull();
    expect(checkActivation('c2', 'active', undefined)).toBeNull();
    expect(checkActivation('c2', 'closed', { id: 'c1', name: '2026 H1' })).toBeNull();
  });
});
