import { describe, expect, it } from 'vitest';
import { canDecide } from './report-detail';

const ORIGIN = { id: 'agency-origin', code: 'KH', name: 'Origin' };
const waiting = { originAgency: ORIGIN, status: 'reported' as const };
const active = { status: 'active' as const };

describe('canDecide (the verify / reject buttons)', () => {
  it('is offered to commanders and administrators of the originating agency, as the API allows', () => {
    expect(canDecide({ role: 'commander', agency: ORIGIN }, waiting, active, 'participant')).toBe(true);
    expect(canDecide({ role: 'admin', agency: ORIGIN }, waiting, active, 'lead')).toBe(true);
  });

  it('is not offered to other roles or agencies, observers, closed operations or reports already judged', () => {
    const other = { id: 'agency-other', code: 'VN', name: 'Other' };
    expect(canDecide({ role: 'field', agency: ORIGIN }, waiting, active, 'lead')).toBe(false);
    expect(canDecide({ role: 'liaison', agency: ORIGIN }, waiting, active, 'lead')).toBe(false);
    expect(canDecide({ role: 'commander', agency: other }, waiting, active, 'lead')).toBe(false);
    expect(canDecide({ role: 'commander', agency: ORIGIN }, waiting, active, 'observer')).toBe(false);
    expect(canDecide({ role: 'commander', agency: ORIGIN }, waiting, { status: 'closed' }, 'lead')).toBe(false);
    expect(canDecide({ role: 'admin', agency: ORIGIN }, { ...waiting, status: 'verified' }, active, 'lead')).toBe(false);
  });
});
