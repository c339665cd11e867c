import { describe, expect, it } from 'vitest';
import { mayManageOperation, mayWriteInOperation, writeRefusal } from './operation-policy';

describe('writeRefusal', () => {
  it('lets commanders, admins and field officers of lead and participating agencies write into an open operation', () => {
    for (const role of ['commander', 'admin', 'field'] as const) {
      for (const operationRole of ['lead', 'participant'] as const) {
        for (const status of ['planned', 'active', 'suspended'] as const) {
          expect(writeRefusal({ role }, { role: operationRole, status })).toBeNull();
        }
      }
    }
  });

  it('refuses observers first, then liaison accounts, then a closed operation', () => {
    expect(writeRefusal({ role: 'liaison' }, { role: 'observer', status: 'closed' })).toBe('observer_read_only');
    expect(writeRefusal({ role: 'liaison' }, { role: 'participant', status: 'closed' })).toBe('liaison_read_only');
    expect(writeRefusal({ role: 'commander' }, { role: 'lead', status: 'closed' })).toBe('operation_closed');
    expect(mayWriteInOperation({ role: 'commander' }, { role: 'lead', status: 'closed' })).toBe(false);
  });
});

describe('mayManageOperation', () => {
  it('is for commanders and admins of the lead agency only', () => {
    expect(mayManageOperation({ role: 'commander' }, { role: 'lead' })).toBe(true);
    expect(mayManageOperation({ role: 'admin' }, { role: 'lead' })).toBe(true);
    expect(mayManageOperation({ role: 'field' }, { role: 'lead' })).toBe(false);
    expect(mayManageOperation({ role: 'liaison' }, { role: 'lead' })).toBe(false);
    expect(mayManageOperation({ role: 'commander' }, { role: 'participant' })).toBe(false);
    expect(mayManageOperation({ role: 'admin' }, { role: 'observer' })).toBe(false);
  });
});
