// Changes that could leave an organisation without an administrator (ORG4, ORG5).
import { violation, type RuleViolation } from './violation.ts';

export interface AdminSubject {
  id: string;
  role: 'admin' | 'member';
  status: 'invited' | 'active' | 'deactivated';
}

/** Whether this person counts towards the organisation's active administrators. */
export function isActiveAdmin(person: AdminSubject): boolean {
  return person.role === 'admin' && person.status === 'active';
}

/** ORG4: the last active admin keeps the admin role. */
export function checkRoleChange(
  subject: AdminSubject,
  newRole: 'admin' | 'member',
  activeAdminCount: number,
): RuleViolation | null {
  if (newRole === 'member' && isActiveAdmin(subject) && activeAdminCount <= 1) {
    return violation(
      'ORG4',
      'This is the organisation’s last active administrator: make someone else an administrator first.',
      'role',
    );
  }
  return null;
}

/** ORG5 and ORG4: nobody deactivates themselves, and the last active admin stays active. */
export function checkDeactivation(
  actorId: string,
  subject: AdminSubject,
  activeAdminCount: number,
): RuleViolation | null {
  if (subject.status === 'deactivated') {
    return violation('ORG12', 'This person is already deactivated.');
  }
  if (actorId === subject.id) {
    return violation('ORG5', 'You cannot deactivate yourself: ask another administrator.');
  }
  if (isActiveAdmin(subject) && activeAdminCount <= 1) {
    return violation(
      'ORG4',
      'This is the organisation’s last active administrator: make someone else an administrator first.',
    );
  }
  return null;
}

/** ORG12: a reactivated person is active again when they have a password, else invited. */
export function statusAfterReactivation(hasPassword: boolean): 'active' | 'invited' {
  return hasPassword ? 'active' : 'invited';
}
