import { describe, expect, it } from 'vitest';
import { isUuid, UUID_PATTERN } from './ids.ts';

const ID = '0b5e8f2c-5a4e-4d7b-9a7c-2f1e3d4c5b6a';

describe('ids', () => {
  it('[ORG15] takes a lowercase hyphenated UUID as an id', () => {
    expect(isUuid(ID)).toBe(true);
    expect(isUuid('00000000-0000-4000-8000-000000000001')).toBe(true);
    expect(UUID_PATTERN.test(ID)).toBe(true);
  });

  it.each([
    ['uppercase', ID.toUpperCase()],
    ['braces', `{${ID}}`],
    ['no hyphens', ID.replaceAll('-', '')],
    ['surrounding space', ` ${ID}`],
    ['a trailing character', `${ID}0`],
    ['a non-hex digit', ID.replace('b', 'g')],
    ['empty', ''],
  ])('[ORG15] refuses an id spelt with %s', (_, value) => {
    expect(isUuid(value)).toBe(false);
  });

  it('[ORG15] refuses what is not a string', () => {
    for (const value of [null, undefined, 42, { id: ID }, [ID]]) expect(isUuid(value)).toBe(false);
  });
});
