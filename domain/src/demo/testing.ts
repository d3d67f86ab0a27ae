// What the demo's tests share: readable fake database ids, the key inside a UUID, so a failing
// test names the person or team it means.
import type { DemoIds } from './goals-log.ts';

export const readableIds: DemoIds = {
  person: (key) => `00000000-0000-4000-8000-${key.slice(1).padStart(12, '0')}`,
  team: (key) =>
    `00000000-0000-4000-9${key[0] === 'd' ? '1' : '2'}00-${key.slice(1).padStart(12, '0')}`,
};
