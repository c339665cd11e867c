import { toTeam, type TeamRow } from './team.mapper';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const row: TeamRow = {
  id: 't1',
  operation_id: 'o1',
  agency_id: 'a1',
  agency_code: 'KH-GDI',
  agency_name: 'General Department of Immigration',
  call_sign: 'BAVET-1',
  size: 6,
  status: 'on_station',
  site_id: null,
  marking: 'TLP:GREEN',
  recipient_agency_ids: [],
  last_lat: null,
  last_lon: null,
  last_heading: null,
  last_speed: null,
  last_accuracy: null,
  last_position_at: null,
  created_at: new Date('2026-11-28T08:00:00Z'),
  updated_at: new Date('2026-11-28T09:00:00Z'),
  members: [],
};

describe('toTeam', () => {
  it('is stale without a position', () => {
    expect(toTeam(row, 300, NOW)).toMatchObject({ lastPosition: null, stale: true });
  });

  it('is fresh up to the configured age, stale after it', () => {
    const at = (secondsAgo: number) => ({ ...row, last_lat: 11.066, last_lon: 106.118, last_position_at: new Date(NOW - secondsAgo * 1000) });
    expect(toTeam(at(300), 300, NOW).stale).toBe(false);
    expect(toTeam(at(301), 300, NOW).stale).toBe(true);
    expect(toTeam(at(10), 300, NOW).lastPosition).toEqual({
      teamId: 't1',
      lat: 11.066,
      lon: 106.118,
      heading: null,
      speed: null,
      accuracy: null,
      at: '2026-11-28T11:59:50.000Z',
    });
  });
});
