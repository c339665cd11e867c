import type { OperationEvent, Report, Team } from '@lintas/contracts';
import { TeamMarkings } from './team-disclosure';

const KH = '11111111-1111-4111-8111-111111111111';
const TH = '33333333-3333-4333-8333-333333333333';
const base = { operationId: 'op', at: '2026-11-01T00:00:00.000Z', actor: null, originAgencyId: KH, recipientAgencyIds: [] };

const reportEvent = (seq: number, teamId: string | null): OperationEvent =>
  ({ ...base, seq, marking: 'TLP:GREEN', type: 'report.created', report: { id: `r${seq}`, teamId, originAgency: { id: KH } } as Report }) as OperationEvent;
const teamEvent = (seq: number, id: string, marking: Team['marking']): OperationEvent =>
  ({ ...base, seq, marking, type: 'team.updated', team: { id, marking, agency: { id: KH }, recipientAgencyIds: [] } as unknown as Team }) as OperationEvent;
const teamIdFor = (event: OperationEvent) => (event.type === 'report.created' ? event.report.teamId : undefined);

describe('TeamMarkings', () => {
  const observer = { agencyId: TH, operationRole: 'observer' } as const;
  const origin = { agencyId: KH, operationRole: 'lead' } as const;

  it('names a team to a viewer who may see it, and follows a re-marking in the stream', () => {
    const teams = new TeamMarkings();
    teams.load([{ id: 't1', marking: 'TLP:GREEN', agency_id: KH, recipient_agency_ids: [] }]);
    expect(teamIdFor(teams.disclose(reportEvent(1, 't1'), observer))).toBe('t1');
    teams.note(teamEvent(2, 't1', 'TLP:AMBER'));
    expect(teamIdFor(teams.disclose(reportEvent(3, 't1'), observer))).toBeNull();
    expect(teamIdFor(teams.disclose(reportEvent(3, 't1'), origin))).toBe('t1');
  });

  it('takes a team it has not seen as visible to the report’s own agency only', () => {
    const teams = new TeamMarkings();
    expect(teamIdFor(teams.disclose(reportEvent(1, 'unknown'), observer))).toBeNull();
    expect(teamIdFor(teams.disclose(reportEvent(1, 'unknown'), origin))).toBe('unknown');
    expect(teams.teamNamedBy(reportEvent(1, null))).toBeNull();
  });
});
