import type { ApiClient } from '../api/api-client';
import { ApiError, isAbortError } from '../api/api-error';
import type { Delivery, SendOutcome } from './outbox-types';
import { minimalReport } from './report-form';

/** A request on a poor link that has not answered by then is abandoned and tried again later. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Sends one outbox delivery with the dashboard's API client (which renews the access token once
 * after a 401) and says what the sync engine should do next.
 */
export function createFieldTransport(api: Pick<ApiClient, 'request'>, timeoutMs = REQUEST_TIMEOUT_MS) {
  return async function send(delivery: Delivery): Promise<SendOutcome> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const answer = await api.request<unknown>(requestFor(delivery, signal));
      return delivery.kind === 'document-check' ? { result: 'delivered', answer } : { result: 'delivered' };
    } catch (error) {
      return classifyFailure(error);
    }
  };
}

/** The REST call of a delivery: the body carries nothing the server does not need. */
export function requestFor(delivery: Delivery, signal?: AbortSignal) {
  const enc = encodeURIComponent;
  switch (delivery.kind) {
    case 'report': {
      const [item] = delivery.items;
      return { method: 'POST' as const, path: `/api/operations/${enc(item.operationId)}/reports`, body: minimalReport({ ...item.body, clientId: item.id }), signal };
    }
    case 'document-check': {
      const [item] = delivery.items;
      const { documentType, issuingCountry, documentNumber, expiryDate } = item.body;
      return {
        method: 'POST' as const,
        path: `/api/operations/${enc(item.operationId)}/document-checks`,
        body: { clientId: item.id, teamId: item.teamId, documentType, issuingCountry, documentNumber, ...(expiryDate ? { expiryDate } : {}) },
        signal,
      };
    }
    case 'status': {
      const [item] = delivery.items;
      return { method: 'POST' as const, path: `/api/teams/${enc(item.teamId)}/status`, body: { status: item.body.status }, signal };
    }
    case 'task': {
      const [item] = delivery.items;
      const { taskId, to, reason } = item.body;
      return {
        method: 'POST' as const,
        path: `/api/operations/${enc(item.operationId)}/tasks/${enc(taskId)}/transitions`,
        body: { clientId: item.id, to, ...(reason ? { reason } : {}) },
        signal,
      };
    }
    case 'message': {
      const [item] = delivery.items;
      return { method: 'POST' as const, path: `/api/operations/${enc(item.operationId)}/tasks/${enc(item.body.taskId)}/messages`, body: { clientId: item.id, body: item.body.text }, signal };
    }
    case 'positions':
      return {
        method: 'POST' as const,
        path: `/api/operations/${enc(delivery.operationId)}/teams/${enc(delivery.teamId)}/positions`,
        // Unknown heading, speed or accuracy are left out: the schema's default is null.
        body: { positions: delivery.positions.map((position) => Object.fromEntries(Object.entries(position).filter(([, value]) => value !== null))) },
        signal,
      };
  }
}

/**
 * 401 (still, after the client's one refresh) → wait for sign-in; 408, 429, 5xx, no answer or a
 * timeout → retry with backoff; any other 4xx is the server's final word.
 */
export function classifyFailure(error: unknown): SendOutcome {
  if (isAbortError(error) || (error instanceof DOMException && error.name === 'TimeoutError')) {
    return { result: 'retry', reason: 'The server did not answer in time', network: true };
  }
  if (!(error instanceof ApiError)) {
    return { result: 'retry', reason: error instanceof Error ? error.message : String(error), network: true };
  }
  if (error.status === 0) return { result: 'retry', reason: 'The server could not be reached', network: true };
  if (error.status === 401) return { result: 'unauthenticated', reason: 'Sign in again to deliver the waiting items' };
  if (error.status === 408 || error.status === 429 || error.status >= 500) {
    return { result: 'retry', reason: `${error.message} (${error.status})`, network: false };
  }
  return {
    result: 'rejected',
    rejection: { status: error.status, ...(error.code ? { code: error.code } : {}), message: error.message, ...(error.issues?.length ? { issues: error.issues } : {}) },
  };
}
