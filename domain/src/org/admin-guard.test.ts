import { describe, expect, it } from 'vitest';
import { checkDeactivation, checkRoleChange, statusAfterReactivation } from './admin-guard.ts';

const admin = { id: 'admin-1', role: 'admin' as const, status: 'active' as const };
const member = { id: 'member-1', role: 'member' as const, status: 'active' as const };

describe('admin guard', () => {
  it('[ORG4] refuses removing the admin role from the last active admin', () => {
    expect(checkRoleChange(admin, 'member', 1)).toMatchObject({ rule: 'ORG4', field: 'role' });
  });

  it('[ORG4] allows removing the admin role when another active admin remains', () => {
    expect(checkRoleChange(admin, 'member', 2)).toBeNull();
  });

  it('[ORG4] does not count an invited admin as the last active one', () => {
    expect(checkRoleChange({ ...admin, status: 'invited' }, 'member', 1)).toBeNull();
  });

  it('[ORG4] allows making a member an admin', () => {
    expect(checkRoleChange(member, 'admin', 1)).toBeNull();
  });

  it('[ORG5] refuses an admin deactivating themselves, even with other admins', () => {
    expect(checkDeactivation(admin.id, admin, 3)).toMatchObject({ rule: 'ORG5' });
  });

  it('[ORG4] refuses deactivating the last active admin', () => {
    expect(checkDeactivation('someone-else', admin, 1)).toMatchObject({ rule: 'ORG4' });
  });

  it('[ORG4] allows deactivating an admin when another active admin remains', () => {
    expect(checkDeactivation('someone-else', admin, 2)).toBeNull();
  });

  it('[ORG12] allows deactivating a member and refuses deactivating twice', () => {
    expect(checkDeactivation(admin.id, member, 1)).toBeNull();
    expect(checkDeactivation(admin.id, { ...member, status: 'deactivated' }, 1)).toMatchObject({
      rule: 'ORG12',
    });
  });

  it('[ORG12] reactivates to active with a password, to invited without one', () => {
    expect(statusAfterReactivation(true)).toBe('active');
    expect(statusAfterReactivation(false)).toBe('invited');
  });
});
