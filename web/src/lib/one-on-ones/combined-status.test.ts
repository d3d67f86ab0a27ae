import { describe, expect, it } from 'vitest';
import { combineStatuses } from './combined-status.svelte.ts';

describe('combineStatuses', () => {
  it('[SC1] says saved only when every document on the page is saved', () => {
    expect(combineStatuses({ kind: 'saved' }, [{ kind: 'saved' }, { kind: 'saved' }])).toEqual({
      kind: 'saved',
    });
    expect(combineStatuses({ kind: 'saved' }, [{ kind: 'saving' }, { kind: 'saved' }])).toEqual({
      kind: 'saving',
    });
  });

  it('[SC1] shows the most pressing state: offline over saving, a refusal over offline', () => {
    expect(combineStatuses({ kind: 'saving' }, [{ kind: 'offline' }])).toEqual({ kind: 'offline' });
    expect(
      combineStatuses({ kind: 'offline' }, [{ kind: 'refused', reason: 'forbidden' }]),
    ).toEqual({ kind: 'refused', reason: 'forbidden' });
  });

  it('[ONE41] leaves out a companion the person may no longer open: the agenda turned read-only shows', () => {
    expect(combineStatuses({ kind: 'read-only' }, [{ kind: 'forbidden' }])).toEqual({
      kind: 'read-only',
    });
    expect(combineStatuses({ kind: 'forbidden' }, [{ kind: 'saved' }])).toEqual({
      kind: 'forbidden',
    });
  });

  it('[ONE6] counts the manager’s read-only mood document as saved', () => {
    expect(combineStatuses({ kind: 'saved' }, [{ kind: 'read-only' }])).toEqual({ kind: 'saved' });
    expect(combineStatuses({ kind: 'read-only' }, [])).toEqual({ kind: 'read-only' });
  });
});
