import { describe, expect, it } from 'vitest';
import { REQUEST_STATES, TASK_STATES } from '../enums';
import {
  TASK_TRANSITIONS,
  canTransitionRequest,
  canTransitionTask,
  disclosesHiddenReference,
  handoverRefusal,
  hiddenFromAddressee,
  isRequestOverdue,
  isTaskOverdue,
  isOutsideTaskArea,
  isValidAddressee,
  mayTaskForRequest,
  requestTransitionRefusal,
  taskTransitionRefusal,
  taskingRefusal,
} from './tasking-policy';

const LEAD = 'agency-lead';
const PART = 'agency-part';
const OBS = 'agency-obs';

describe('task state machine', () => {
  it('allows exactly the documented moves and refuses every other', () => {
    const allowed = new Set([
      'assigned>acknowledged', 'assigned>unable', 'assigned>cancelled',
      'acknowledged>in_progress', 'acknowledged>done', 'acknowledged>unable', 'acknowledged>cancelled',
      'in_progress>done', 'in_progress>unable', 'in_progress>cancelled',
    ]);
    for (const from of TASK_STATES) for (const to of TASK_STATES) expect(canTransitionTask(from, to)).toBe(allowed.has(`${from}>${to}`));
    expect(TASK_TRANSITIONS.done).toEqual([]);
  });

  it('is overdue only while still assigned at or after its acknowledgement deadline', () => {
    const ackDueAt = '2026-12-01T10:05:00Z';
    expect(isTaskOverdue({ state: 'assigned', ackDueAt }, new Date('2026-12-01T10:04:59Z'))).toBe(false);
    expect(isTaskOverdue({ state: 'assigned', ackDueAt }, new Date('2026-12-01T10:05:00Z'))).toBe(true);
    expect(isTaskOverdue({ state: 'acknowledged', ackDueAt }, new Date('2026-12-01T11:00:00Z'))).toBe(false);
  });
});

describe('who may task a team', () => {
  const team = { actorOperationRole: 'participant' as const, teamAgencyId: PART, leadMayTaskTeamAgency: false };
  it('a commander or admin of the team’s agency', () => {
    expect(taskingRefusal({ role: 'commander', agencyId: PART }, team)).toBeNull();
    expect(taskingRefusal({ role: 'admin', agencyId: PART }, team)).toBeNull();
    expect(taskingRefusal({ role: 'field', agencyId: PART }, team)).toBe('commander_required');
    expect(taskingRefusal({ role: 'liaison', agencyId: PART }, team)).toBe('commander_required');
  });
  it('the lead agency’s commanders only where the team’s agency allows it', () => {
    const asLead = { ...team, actorOperationRole: 'lead' as const };
    expect(taskingRefusal({ role: 'commander', agencyId: LEAD }, asLead)).toBe('lead_tasking_not_allowed');
    expect(taskingRefusal({ role: 'commander', agencyId: LEAD }, { ...asLead, leadMayTaskTeamAgency: true })).toBeNull();
    expect(taskingRefusal({ role: 'commander', agencyId: OBS }, { ...team, actorOperationRole: 'participant', teamAgencyId: LEAD })).toBe('own_agency_team_required');
  });
});

describe('who may move a task', () => {
  const task = { originAgencyId: LEAD, teamAgencyId: PART, isTeamMember: true };
  it('the team’s members and its agency’s commanders work it', () => {
    expect(taskTransitionRefusal({ role: 'field', agencyId: PART }, task, 'acknowledged')).toBeNull();
    expect(taskTransitionRefusal({ role: 'field', agencyId: PART }, { ...task, isTeamMember: false }, 'acknowledged')).toBe('task_team_required');
    expect(taskTransitionRefusal({ role: 'commander', agencyId: PART }, { ...task, isTeamMember: false }, 'done')).toBeNull();
    expect(taskTransitionRefusal({ role: 'commander', agencyId: LEAD }, task, 'acknowledged')).toBe('task_team_required');
    expect(taskTransitionRefusal({ role: 'liaison', agencyId: PART }, task, 'acknowledged')).toBe('task_team_required');
  });
  it('the tasking agency’s commanders cancel it', () => {
    expect(taskTransitionRefusal({ role: 'commander', agencyId: LEAD }, task, 'cancelled')).toBeNull();
    expect(taskTransitionRefusal({ role: 'commander', agencyId: PART }, task, 'cancelled')).toBe('task_origin_commander_required');
    expect(taskTransitionRefusal({ role: 'field', agencyId: LEAD }, task, 'cancelled')).toBe('task_origin_commander_required');
  });
});

describe('markings of addressed items', () => {
  it('an item must be visible to its addressee', () => {
    const strict = { marking: 'TLP:AMBER+STRICT' as const, originAgencyId: PART };
    expect(hiddenFromAddressee(strict, { agencyId: LEAD, operationRole: 'lead' })).toBe(false);
    expect(hiddenFromAddressee({ ...strict, originAgencyId: LEAD }, { agencyId: PART, operationRole: 'participant' })).toBe(true);
    expect(hiddenFromAddressee({ marking: 'TLP:RED', originAgencyId: LEAD, recipientAgencyIds: [PART] }, { agencyId: PART, operationRole: 'participant' })).toBe(false);
  });
  it('a task may not reach an agency its team is hidden from', () => {
    const agencies = [
      { agencyId: LEAD, operationRole: 'lead' as const },
      { agencyId: PART, operationRole: 'participant' as const },
      { agencyId: OBS, operationRole: 'observer' as const },
    ];
    const amberTeam = { marking: 'TLP:AMBER' as const, originAgencyId: PART };
    expect(disclosesHiddenReference({ marking: 'TLP:GREEN', originAgencyId: PART }, amberTeam, agencies)).toBe(true);
    expect(disclosesHiddenReference({ marking: 'TLP:AMBER', originAgencyId: PART }, amberTeam, agencies)).toBe(false);
  });
});

describe('areas tasked', () => {
  const area = [[105, 10], [106, 10], [106, 11], [105, 11]] as [number, number][];
  const patrol = { kind: 'patrol' as const, state: 'in_progress' as const, target: { area } };
  it('alerts when a team patrolling or holding an area is outside it, only while it works the task', () => {
    expect(isOutsideTaskArea(patrol, { lat: 10.5, lon: 105.5 })).toBe(false);
    expect(isOutsideTaskArea(patrol, { lat: 11.5, lon: 105.5 })).toBe(true);
    expect(isOutsideTaskArea({ ...patrol, state: 'assigned' }, { lat: 11.5, lon: 105.5 })).toBe(false);
    expect(isOutsideTaskArea({ ...patrol, kind: 'move_to' }, { lat: 11.5, lon: 105.5 })).toBe(false);
    expect(isOutsideTaskArea({ ...patrol, target: { area: null } }, { lat: 11.5, lon: 105.5 })).toBe(false);
    expect(isOutsideTaskArea(patrol, null)).toBe(false);
  });
});

describe('requests between agencies', () => {
  const request = { fromAgencyId: LEAD, toAgencyId: PART };
  it('state machine', () => {
    const allowed = new Set(['open>accepted', 'open>declined', 'open>cancelled', 'accepted>completed', 'accepted>cancelled']);
    for (const from of REQUEST_STATES) for (const to of REQUEST_STATES) expect(canTransitionRequest(from, to)).toBe(allowed.has(`${from}>${to}`));
  });
  it('the receiving agency answers, the requesting agency cancels, either completes and records the hand-over', () => {
    expect(requestTransitionRefusal({ role: 'commander', agencyId: PART }, request, 'accepted')).toBeNull();
    expect(requestTransitionRefusal({ role: 'commander', agencyId: LEAD }, request, 'declined')).toBe('request_addressee_commander_required');
    expect(requestTransitionRefusal({ role: 'commander', agencyId: LEAD }, request, 'cancelled')).toBeNull();
    expect(requestTransitionRefusal({ role: 'commander', agencyId: PART }, request, 'cancelled')).toBe('request_origin_commander_required');
    expect(requestTransitionRefusal({ role: 'commander', agencyId: OBS }, request, 'completed')).toBe('request_party_commander_required');
    expect(requestTransitionRefusal({ role: 'field', agencyId: PART }, request, 'accepted')).toBe('commander_required');
    expect(handoverRefusal({ role: 'commander', agencyId: LEAD }, request)).toBeNull();
    expect(handoverRefusal({ role: 'commander', agencyId: OBS }, request)).toBe('request_party_commander_required');
  });
  it('goes to another non-observing agency; its tasks to the receiver’s teams once accepted', () => {
    expect(isValidAddressee(LEAD, { agencyId: PART, role: 'participant' })).toBe(true);
    expect(isValidAddressee(LEAD, { agencyId: LEAD, role: 'lead' })).toBe(false);
    expect(isValidAddressee(LEAD, { agencyId: OBS, role: 'observer' })).toBe(false);
    expect(isValidAddressee(LEAD, null)).toBe(false);
    expect(mayTaskForRequest({ agencyId: PART }, { ...request, state: 'accepted' }, PART)).toBe(true);
    expect(mayTaskForRequest({ agencyId: PART }, { ...request, state: 'open' }, PART)).toBe(false);
    expect(mayTaskForRequest({ agencyId: PART }, { ...request, state: 'accepted' }, LEAD)).toBe(false);
  });
  it('is overdue while open past its answer deadline', () => {
    expect(isRequestOverdue({ state: 'open', answerDueAt: '2026-12-01T10:00:00Z' }, new Date('2026-12-01T10:00:01Z'))).toBe(true);
    expect(isRequestOverdue({ state: 'accepted', answerDueAt: '2026-12-01T10:00:00Z' }, new Date('2026-12-01T10:00:01Z'))).toBe(false);
  });
});
