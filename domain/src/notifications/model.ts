// Notifications and the nudges that raise them (NUD1–NUD29). A nudge is a condition about one
// subject (a 1:1 series, a goal, an action item, a manager's week) that is true now for one
// person; the scheduled job turns the nudges of each run into at most one open notification per
// person and condition, and clears the ones whose condition ended.

/** NUD1: the kinds of nudge, each mutable on its own (NUD20). */
export type NudgeKind =
  'one-on-one-overdue' | 'goal-stale' | 'goal-stale-digest' | 'action-overdue' | 'goal-approval';

export const NUDGE_KINDS: readonly NudgeKind[] = [
  'one-on-one-overdue',
  'goal-stale',
  'goal-stale-digest',
  'action-overdue',
  'goal-approval',
];

export function isNudgeKind(value: unknown): value is NudgeKind {
  return typeof value === 'string' && (NUDGE_KINDS as readonly string[]).includes(value);
}

/** What each kind of nudge is called where a person mutes it (NUD20). */
export const NUDGE_KIND_LABELS: Record<NudgeKind, { label: string; description: string }> = {
  'one-on-one-overdue': {
    label: 'Overdue 1:1s',
    description: 'A 1:1 you are in has not met for longer than its cadence.',
  },
  'goal-stale': {
    label: 'Goals not updated',
    description: 'A goal you own has had no check-in for 14 days.',
  },
  'goal-stale-digest': {
    label: "Weekly digest of your reports' goals",
    description: 'Once a week, which of your direct reports have goals not updated for 14 days.',
  },
  'action-overdue': {
    label: 'Overdue action items',
    description: 'An action item you own in a 1:1 is past its due date.',
  },
  'goal-approval': {
    label: 'Goals waiting for your approval',
    description: 'A proposed goal has waited three days or more for you to approve it.',
  },
};

/** What a notification says, by kind (NUD3): enough to write its line without another query. */
export type NudgePayload =
  | { kind: 'one-on-one-overdue'; otherName: string; lastHeld: string | null; cadence: string }
  | { kind: 'goal-stale'; goalTitle: string; since: string }
  | {
      kind: 'goal-stale-digest';
      week: string;
      reports: { personId: string; name: string; goals: number }[];
    }
  | { kind: 'action-overdue'; otherName: string; dueDate: string }
  | { kind: 'goal-approval'; goalTitle: string; ownerName: string; waitingSince: string };

/** One condition true now for one person (NUD2). */
export interface Nudge {
  personId: string;
  kind: NudgeKind;
  /** NUD2: the condition's key; one open notification per person and key. */
  key: string;
  /** NUD4: what the condition is about; a run that saw the subject may clear it. */
  subject: string;
  /** NUD3: the page the notification links to (a path of the app). */
  link: string;
  payload: NudgePayload;
}

/** An open (not cleared) notification as the job reads it back. */
export interface OpenNotification {
  personId: string;
  key: string;
  subject: string;
}

/** A notification as a person's list shows it. */
export interface NotificationItem {
  id: string;
  kind: NudgeKind;
  link: string;
  payload: NudgePayload;
  createdAt: string;
  readAt: string | null;
}

/** What the bell shows (NUD18): the unread count and the latest open notifications. */
export interface NotificationState {
  unread: number;
  /** The latest open notifications, newest first. */
  items: NotificationItem[];
}
