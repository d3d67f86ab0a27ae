import { describe, expect, it } from 'vitest';
import { parseAccessNotice } from './access-notice.ts';

describe('access notices', () => {
  it('[SYNC23] reads the notices the database triggers send', () => {
    expect(
      parseAccessNotice('{"kind":"sessions","organisationId":"o","sessionIds":["s"]}'),
    ).toEqual({ kind: 'sessions', organisationId: 'o', sessionIds: ['s'] });
    expect(parseAccessNotice('{"kind":"people","organisationId":"o","personIds":null}')).toEqual({
      kind: 'people',
      organisationId: 'o',
      personIds: null,
    });
    expect(
      parseAccessNotice('{"kind":"records","organisationId":"o","table":"cycles","ids":["c"]}'),
    ).toEqual({ kind: 'records', organisationId: 'o', table: 'cycles', ids: ['c'] });
  });

  it.each([
    '',
    'not json',
    '{"kind":"people"}',
    '{"kind":"teams","organisationId":"o"}',
    '{"kind":"records","organisationId":"o","ids":["c"]}',
    'null',
  ])('[SYNC23] treats %j as unreadable (the listener then re-checks everyone)', (payload) => {
    expect(parseAccessNotice(payload)).toBeNull();
  });
});
