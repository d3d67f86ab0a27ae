import { describe, expect, it } from 'vitest';
import { notificationPath, notificationText } from './notification-text.ts';

const SERIES = '0b9c2a4e-1c55-4f6a-9a57-3f0f4d1f2a10';

describe('notification lines', () => {
  it('[NUD3] each kind says what it is about, with the names read when it was raised', () => {
    expect(
      notificationText({
        payload: { kind: 'action-overdue', otherName: 'Sofía Hernández', dueDate: '2026-12-01' },
      }).title,
    ).toBe('An action item from your 1:1 with Sofía Hernández is overdue');
    expect(
      notificationText({
        payload: {
          kind: 'goal-stale-digest',
          week: '2026-W50',
          reports: [
            { personId: 'a', name: 'Ana', goals: 1 },
            { personId: 'k', name: 'Kwame', goals: 2 },
          ],
        },
      }),
    ).toEqual({
      title: '2 of your reports have goals not updated for 14 days',
      detail: 'Weekly digest: Ana (1), Kwame (2).',
    });
    expect(
      notificationText({
        payload: {
          kind: 'one-on-one-overdue',
          otherName: 'Kwame',
          lastHeld: null,
          cadence: 'weekly',
        },
      }),
    ).toEqual({ title: 'Your 1:1 with Kwame is overdue', detail: 'Not met yet; it meets weekly.' });
  });

  it('[NUD3] links go only to the pages the job writes, anything else to the list', () => {
    expect(notificationPath(`/one-on-ones/${SERIES}`)).toBe(`/one-on-ones/${SERIES}`);
    expect(notificationPath(`/goals?owner=${SERIES}`)).toBe(`/goals?owner=${SERIES}`);
    expect(notificationPath('/goals?show=team')).toBe('/goals?show=team');
    expect(notificationPath('https://elsewhere.test/')).toBe('/notifications');
    expect(notificationPath('/one-on-ones/x/../../admin')).toBe('/notifications');
  });
});
