import { describe, expect, it } from 'vitest';
import { planningScope } from './planning-rules';

describe('planningScope', () => {
  it('lead commanders plan everything, partner commanders their teams, observers and others nothing', () => {
    expect(planningScope({ role: 'commander' }, { myRole: 'lead', status: 'planned' })).toBe('all');
    expect(planningScope({ role: 'admin' }, { myRole: 'lead', status: 'active' })).toBe('all');
    expect(planningScope({ role: 'commander' }, { myRole: 'participant', status: 'active' })).toBe('teams');
    expect(planningScope({ role: 'commander' }, { myRole: 'observer', status: 'active' })).toBeNull();
    expect(planningScope({ role: 'liaison' }, { myRole: 'lead', status: 'active' })).toBeNull();
    expect(planningScope({ role: 'field' }, { myRole: 'lead', status: 'active' })).toBeNull();
  });

  it('a closed operation is read-only for everyone', () => {
    expect(planningScope({ role: 'commander' }, { myRole: 'lead', status: 'closed' })).toBeNull();
  });
});
