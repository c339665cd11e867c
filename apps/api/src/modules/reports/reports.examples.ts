import type { Page, Report, ReportWithHistory } from '@lintas/contracts';

/** Examples for the OpenAPI document. */
export const REPORT_EXAMPLE: Report = {
  id: '0b1f6c1e-8a57-4c36-9d2f-1c2b3a4d5e6f',
  clientId: '6f1c2b9e-3d4a-4f5b-8c7d-9e0a1b2c3d4e',
  operationId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  kind: 'interception',
  status: 'reported',
  title: 'Boat with 14 persons stopped below Chau Doc',
  narrative: 'River patrol stopped a long-tail boat; 14 persons without documents, 2 suspected facilitators.',
  lat: 10.705,
  lon: 105.118,
  siteId: null,
  occurredAt: '2026-11-27T23:40:00.000Z',
  receivedAt: '2026-11-27T23:41:12.345Z',
  originAgency: { id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', code: 'VN-BG', name: 'Viet Nam Border Guard' },
  teamId: '2d9b7c1a-5e4f-4a3b-9c8d-7e6f5a4b3c2d',
  authorUserId: '7e6f5a4b-3c2d-4e1f-9a8b-7c6d5e4f3a2b',
  marking: 'TLP:AMBER',
  recipientAgencyIds: [],
  interception: { interceptionKind: 'smuggling', persons: 14, suspects: 2, presumedVictims: 0, minors: 3, nationalities: ['KH'], documentsSeized: 0 },
  statusReason: null,
  statusBy: null,
  statusAt: null,
  updatedAt: '2026-11-27T23:41:12.345Z',
  version: 42,
};

export const REPORT_PAGE_EXAMPLE: Page<Report> = { items: [REPORT_EXAMPLE], nextCursor: 'MTc2NDI4NjQ3MjM0NTAwMDowYjFmNmMxZS04YTU3LTRjMzYtOWQyZi0xYzJiM2E0ZDVlNmY' };

export const REPORT_WITH_HISTORY_EXAMPLE: ReportWithHistory = {
  ...REPORT_EXAMPLE,
  history: [
    {
      at: '2026-11-27T23:41:12.345Z',
      by: { userId: '7e6f5a4b-3c2d-4e1f-9a8b-7c6d5e4f3a2b', name: 'Nguyen Van An', agencyCode: 'VN-BG' },
      action: 'created',
      changes: {},
      reason: null,
    },
  ],
};
