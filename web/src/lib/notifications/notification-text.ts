// What a notification's line says (NUD3), from its kind and the payload read when it was raised.
import type { NotificationItem } from '@threadline/domain/notifications/model';
import { formatDay } from '$lib/format/dates';

export interface NotificationText {
  title: string;
  detail: string;
}

const CADENCE_WORDS: Record<string, string> = {
  weekly: 'weekly',
  biweekly: 'every two weeks',
  monthly: 'every four weeks',
};

export function notificationText(item: Pick<NotificationItem, 'payload'>): NotificationText {
  const p = item.payload;
  switch (p.kind) {
    case 'one-on-one-overdue':
      return {
        title: `Your 1:1 with ${p.otherName} is overdue`,
        detail: `${p.lastHeld ? `Last met ${formatDay(p.lastHeld)}` : 'Not met yet'}; it meets ${
          CADENCE_WORDS[p.cadence] ?? p.cadence
        }.`,
      };
    case 'goal-stale':
      return {
        title: `“${p.goalTitle}” has not been updated for 14 days`,
        detail: p.since ? `Last update ${formatDay(p.since.slice(0, 10))}.` : 'No update yet.',
      };
    case 'goal-stale-digest': {
      const people = p.reports.map((r) => `${r.name} (${r.goals})`).join(', ');
      const count = p.reports.length;
      return {
        title: `${count} of your reports ${count === 1 ? 'has' : 'have'} goals not updated for 14 days`,
        detail: `Weekly digest: ${people}.`,
      };
    }
    case 'action-overdue':
      return {
        title: `An action item from your 1:1 with ${p.otherName} is overdue`,
        detail: `It was due ${formatDay(p.dueDate)}.`,
      };
    case 'goal-approval':
      return {
        title: `${p.ownerName}’s goal “${p.goalTitle}” is waiting for your approval`,
        detail: p.waitingSince
          ? `Proposed ${formatDay(p.waitingSince.slice(0, 10))}.`
          : 'Proposed.',
      };
  }
}

export type NotificationPath = `/one-on-ones/${string}` | `/goals?${string}` | '/notifications';

/** The page a notification links to, as the app's router knows it (the job writes only these). */
export function notificationPath(link: string): NotificationPath {
  if (/^\/one-on-ones\/[0-9a-f-]{36}$/.test(link)) return link as `/one-on-ones/${string}`;
  if (/^\/goals\?[a-z]+=[0-9a-z-]+$/.test(link)) return link as `/goals?${string}`;
  return '/notifications';
}

/** The moment marked on a notification read on this page, before the server's answer. */
export function readNow(): string {
  return new Date().toISOString();
}
