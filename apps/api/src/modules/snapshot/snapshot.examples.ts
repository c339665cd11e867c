import type { EventLogPage } from '@lintas/contracts';

/** Examples for the OpenAPI document. */
export const EVENT_LOG_PAGE_EXAMPLE: EventLogPage = {
  items: [
    {
      type: 'report.updated',
      operationId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      seq: 43,
      at: '2026-11-27T23:55:02.118Z',
      actor: { userId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', agencyId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f' },
      marking: 'TLP:AMBER',
      originAgencyId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      recipientAgencyIds: [],
      report: {
        id: '0b1f6c1e-8a57-4c36-9d2f-1c2b3a4d5e6f',
        clientId: '6f1c2b9e-3d4a-4f5b-8c7d-9e0a1b2c3d4e',
        operationId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        kind: 'sitrep',
        status: 'verified',
        title: 'Crossing quiet after the interception',
        narrative: '',
        lat: null,
        lon: null,
        siteId: null,
        occurredAt: '2026-11-27T23:50:00.000Z',
        receivedAt: '2026-11-27T23:50:40.001Z',
        originAgency: { id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', code: 'VN-BG', name: 'Viet Nam Border Guard' },
        teamId: null,
        authorUserId: '7e6f5a4b-3c2d-4e1f-9a8b-7c6d5e4f3a2b',
        marking: 'TLP:AMBER',
        recipientAgencyIds: [],
        interception: null,
        statusReason: 'Confirmed',
        statusBy: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
        statusAt: '2026-11-27T23:55:02.118Z',
        updatedAt: '2026-11-27T23:55:02.118Z',
        version: 43,
      },
    },
  ],
  nextSeq: 43,
  lastSeq: 57,
};
