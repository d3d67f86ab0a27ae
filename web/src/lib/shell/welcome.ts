// The first-visit welcome (after accepting an invitation): shown once per person on this device,
// until they dismiss it. localStorage rather than a column: it is a hint, not a record, and losing
// it on another device costs one more dismissal.

/** The query parameter the invitation's acceptance lands on the goals page with. */
export const WELCOME_PARAM = 'welcome';

export function welcomeKey(personId: string): string {
  return `threadline:welcome-dismissed:${personId}`;
}

export function welcomeDismissed(storage: Pick<Storage, 'getItem'>, personId: string): boolean {
  try {
    return storage.getItem(welcomeKey(personId)) !== null;
  } catch {
    return false; // storage refused (private mode): show it, the button still hides it
  }
}

export function dismissWelcome(storage: Pick<Storage, 'setItem'>, personId: string): void {
  try {
    storage.setItem(welcomeKey(personId), new Date().toISOString());
  } catch {
    // Not remembered on this device; hidden for this visit all the same.
  }
}
