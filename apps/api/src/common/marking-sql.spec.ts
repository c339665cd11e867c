import { markingVisibility } from '@lintas/contracts';
import { markingCondition } from './marking-sql';

describe('markingCondition', () => {
  const visibility = markingVisibility({ agencyId: '11111111-1111-4111-8111-111111111111', operationRole: 'participant' });

  it('appends the agency and the visible markings after the existing parameters and numbers them accordingly', () => {
    const params: unknown[] = ['op', 7];
    const sql = markingCondition(visibility, params, 'r');
    expect(params).toEqual(['op', 7, '11111111-1111-4111-8111-111111111111', ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER']]);
    expect(sql).toBe(
      "(r.origin_agency_id = $3::uuid OR r.marking = ANY($4::text[]) OR (r.marking = 'TLP:RED' AND $3::uuid = ANY(r.recipient_agency_ids)))",
    );
  });

  it('works without an alias', () => {
    const params: unknown[] = [];
    expect(markingCondition(visibility, params)).toBe(
      "(origin_agency_id = $1::uuid OR marking = ANY($2::text[]) OR (marking = 'TLP:RED' AND $1::uuid = ANY(recipient_agency_ids)))",
    );
  });

  it('refuses an alias that is not a plain identifier', () => {
    expect(() => markingCondition(visibility, [], 'r; DROP TABLE reports')).toThrow('invalid table alias');
  });
});
