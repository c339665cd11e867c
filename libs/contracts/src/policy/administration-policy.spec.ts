import { describe, expect, it } from 'vitest';
import { isSelfLockout, mayAdminister, mayCreateOperation, mayReadAudit, userListScope } from './administration-policy';

describe('administration rules', () => {
  it('agencies, sites and accounts are for administrators; operations are created by commanders and admins', () => {
    expect(mayAdminister({ role: 'admin' })).toBe(true);
    expect(mayAdminister({ role: 'commander' })).toBe(false);
    expect(mayCreateOperation({ role: 'commander' })).toBe(true);
    expect(mayCreateOperation({ role: 'admin' })).toBe(true);
    expect(mayCreateOperation({ role: 'field' })).toBe(false);
    expect(mayCreateOperation({ role: 'liaison' })).toBe(false);
  });

  it('admins list every account, commanders their agency’s, others none', () => {
    expect(userListScope({ role: 'admin' })).toBe('all');
    expect(userListScope({ role: 'commander' })).toBe('own-agency');
    expect(userListScope({ role: 'field' })).toBeNull();
    expect(userListScope({ role: 'liaison' })).toBeNull();
  });

  it('an administrator cannot lock itself out', () => {
    const admin = { id: 'me' };
    expect(isSelfLockout(admin, 'me', { disabled: true })).toBe(true);
    expect(isSelfLockout(admin, 'me', { role: 'commander' })).toBe(true);
    expect(isSelfLockout(admin, 'me', { role: 'admin', disabled: false })).toBe(false);
    expect(isSelfLockout(admin, 'someone', { disabled: true })).toBe(false);
  });

  it('only administrators read the audit trail', () => {
    expect(mayReadAudit({ role: 'admin' })).toBe(true);
    for (const role of ['commander', 'field', 'liaison'] as const) expect(mayReadAudit({ role })).toBe(false);
  });
});
