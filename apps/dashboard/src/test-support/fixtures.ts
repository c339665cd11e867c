import type { Operation, OperationEvent, OperationEventData, OperationSnapshot, Report, Team, TeamPosition } from '@lintas/contracts';

/** Small builders for the dashboard's unit tests: valid contract objects with the fields a test cares about overridden. */
export const KH = { id: '00000000-0000-4000-8000-00000000000a', code: 'KH-GDI', name: 'General Department of Immigration' };
export const VN = { id: '00000000-0000-4000-8000-00000000000b', code: 'VN-BGC', name: 'Border Guard Command' };
export const ID = { id: '00000000-0000-4000-8000-00000000000c', code: 'ID-DGI', name: 'Directorate General of Immigration' };
export const OPERATION_ID = '00000000-0000-4000-8000-0000000000f1';

export function operation(overrides: Partial<Operation> = {}): Operation {
  return {
    id: OPERATION_ID,
    code: 'OP-TEST',
    name: 'Test Gate',
    status: 'active',
    exercise: false,
    leadAgency: KH,
    myRole: 'lead',
    startsAt: null,
    endsAt: null,
    description: '',
    timeZone: 'Asia/Phnom_Penh',
    area: null,
    participants: [
      { agency: KH, role: 'lead' },
      { agency: VN, role: 'participant' },
      { agency: ID, role: 'observer' },
    ],
    sites: [],
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

let counter = 0;
export function uuid(n = ++counter): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function report(overrides: Partial<Report> = {}): Report {
  const id = overrides.id ?? uuid();
  return {
    id,
    clientId: id,
    operationId: OPERATION_ID,
    kind: 'interception',
    status: 'reported',
    title: `Report ${id.slice(-4)}`,
    narrative: '',
    lat: 11.07,
    lon: 106.17,
    siteId: null,
    occurredAt: '2026-11-28T06:00:00.000Z',
    receivedAt: '2026-11-28T06:01:00.000Z',
    originAgency: KH,
    teamId: null,
    authorUserId: uuid(900),
    marking: 'TLP:AMBER',
    recipientAgencyIds: [],
    interception: null,
    statusReason: null,
    statusBy: null,
    statusAt: null,
    updatedAt: '2026-11-28T06:01:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function position(teamId: string, at: string, lat = 11, lon = 106): TeamPosition {
  return { teamId, lat, lon, heading: 90, speed: 3, accuracy: 10, at };
}

export function team(overrides: Partial<Team> = {}): Team {
  const id = overrides.id ?? uuid();
  return {
    id,
    operationId: OPERATION_ID,
    agency: KH,
    callSign: `KH-${id.slice(-3)}`,
    size: 4,
    status: 'on_station',
    siteId: null,
    members: [],
    marking: 'TLP:GREEN',
    recipientAgencyIds: [],
    lastPosition: null,
    stale: true,
    createdAt: '2026-11-28T00:00:00.000Z',
    updatedAt: '2026-11-28T00:00:00.000Z',
    ...overrides,
  };
}

export function snapshot(overrides: Partial<OperationSnapshot> = {}): OperationSnapshot {
  return { operation: operation(), teams: [], reports: [], seq: 10, ...overrides };
}

export function eventOf(seq: number, data: OperationEventData, overrides: Partial<Omit<OperationEvent, 'type'>> = {}): OperationEvent {
  return {
    operationId: OPERATION_ID,
    seq,
    at: '2026-11-28T07:00:00.000Z',
    actor: null,
    marking: 'TLP:AMBER',
    originAgencyId: KH.id,
    recipientAgencyIds: [],
    ...overrides,
    ...data,
  } as OperationEvent;
}
