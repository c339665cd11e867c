import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { recordingApi } from '../test-support/recording-api';
import { classifyFailure, createFieldTransport, deliver } from './field-transport';
import { fieldErrorText } from '../i18n/field-i18n';
import type { Delivery } from './outbox-types';

const OP = '22222222-2222-4222-8222-222222222222';
const TEAM = '33333333-3333-4333-8333-333333333333';
const base = { ownerId: 'u', operationId: OP, teamId: TEAM, state: 'queued' as const, createdAt: 0, attempts: 0, deliveredAt: null, rejection: null, seq: 1 };

describe('classifyFailure', () => {
  it.each([
    [new ApiError(0, 'unreachable'), 'retry'],
    [new ApiError(408, 'timeout'), 'retry'],
    [new ApiError(429, 'slow down'), 'retry'],
    [new ApiError(500, 'boom'), 'retry'],
    [new ApiError(503, 'database down'), 'retry'],
    [new ApiError(401, 'expired'), 'unauthenticated'],
    [new ApiError(400, 'Invalid body'), 'rejected'],
    [new ApiError(403, 'not a member'), 'rejected'],
    [new ApiError(404, 'Operation not found'), 'rejected'],
    [new ApiError(409, 'The operation is closed'), 'rejected'],
    [new TypeError('Failed to fetch'), 'retry'],
    [new DOMException('timed out', 'TimeoutError'), 'retry'],
    [new DOMException('aborted', 'AbortError'), 'retry'],
  ])('%s → %s', (error, result) => {
    expect(classifyFailure(error).result).toBe(result);
  });

  it("keeps the server's reason and failing fields for a rejection", () => {
    expect(classifyFailure(new ApiError(400, 'Invalid body', [{ path: 'title', message: 'must not be empty' }]))).toEqual({
      result: 'rejected',
      rejection: { status: 400, message: 'Invalid body', issues: [{ path: 'title', message: 'must not be empty' }] },
    });
  });
});

describe('a rejection keeps the error code', () => {
  it('so that the outbox shows the field catalogue’s text for it', () => {
    const refusal = classifyFailure(new ApiError(403, 'A field officer posts only for a team of its agency that it is a member of', undefined, 'team_member_required'));
    expect(refusal).toMatchObject({ result: 'rejected', rejection: { status: 403, code: 'team_member_required' } });
    expect(refusal.result === 'rejected' && fieldErrorText(refusal.rejection.code, refusal.rejection.message)).toBe('You are not a member of this team');
    expect(fieldErrorText(undefined, 'Invalid body')).toBe('Invalid body');
    expect(fieldErrorText('stale_version', 'Changed since version 3')).toBe('Changed since version 3');
  });
});

describe('deliver', () => {
  it('posts a report under its client id, a status alone, and positions as one batch', async () => {
    const { api, sent } = recordingApi();
    const report: Delivery = {
      kind: 'report',
      items: [{ ...base, id: 'client-1', kind: 'report', body: { clientId: 'stale', kind: 'sitrep', title: 'Quiet' } as never }],
    };
    await deliver(api, report);
    expect(sent.at(-1)).toMatchObject({ method: 'POST', path: `/api/operations/${OP}/reports`, body: { clientId: 'client-1', kind: 'sitrep', title: 'Quiet' } });

    const status: Delivery = { kind: 'status', items: [{ ...base, id: 's', kind: 'status', body: { status: 'engaged' } }] };
    await deliver(api, status);
    expect(sent.at(-1)).toEqual({ method: 'POST', path: `/api/teams/${TEAM}/status`, body: { status: 'engaged' } });

    const position = { lat: 11, lon: 106, heading: null, speed: null, accuracy: 5, at: '2026-11-28T08:00:00Z' };
    const batch: Delivery = { kind: 'positions', operationId: OP, teamId: TEAM, items: [{ ...base, id: 'p', kind: 'position', body: position }], positions: [position] };
    await deliver(api, batch);
    expect(sent.at(-1)).toEqual({
      method: 'POST',
      path: `/api/operations/${OP}/teams/${TEAM}/positions`,
      body: { positions: [{ lat: 11, lon: 106, accuracy: 5, at: '2026-11-28T08:00:00Z' }] },
    });
  });
});

describe('createFieldTransport', () => {
  it('answers delivered when the request succeeds and classifies a failure', async () => {
    const status: Delivery = { kind: 'status', items: [{ ...base, id: 's', kind: 'status', body: { status: 'engaged' } }] };
    const ok = createFieldTransport(recordingApi().api);
    expect(await ok(status)).toEqual({ result: 'delivered' });
    const closed = createFieldTransport(recordingApi(() => Response.json({ statusCode: 409, code: 'operation_closed', message: 'The operation is closed' }, { status: 409 })).api);
    expect(await closed(status)).toEqual({ result: 'rejected', rejection: { status: 409, code: 'operation_closed', message: 'The operation is closed' } });
  });
});
