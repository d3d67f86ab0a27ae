import { describe, expect, it } from 'vitest';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const given = (value: string) => new Headers({ [REQUEST_ID_HEADER]: value });

describe('a request’s id', () => {
  it('[WEB1] is new for every request when no proxy is trusted, whatever the client sends', () => {
    const first = requestIdOf(given('proxy-id-123456'), false);
    const second = requestIdOf(given('proxy-id-123456'), false);
    expect(first).toMatch(UUID);
    expect(second).toMatch(UUID);
    expect(first).not.toBe(second);
  });

  it('[WEB1] is the trusted proxy’s id when it is well formed', () => {
    expect(requestIdOf(given('lb:7f3a.b_c-0001'), true)).toBe('lb:7f3a.b_c-0001');
  });

  it('[WEB1] is new when even a trusted header is empty, short, long or could break a log line', () => {
    for (const value of [
      '',
      'short',
      'x'.repeat(129),
      'abc defgh',
      'abcdefgh\tforged',
      '<script>x</script>',
      'abc"defgh',
    ]) {
      expect(requestIdOf(given(value), true)).toMatch(UUID);
    }
    expect(requestIdOf(new Headers(), true)).toMatch(UUID);
  });
});
