import type { PositionInput, PositionBatchInput } from '@lintas/contracts';
import type { ApiClient } from '../api/api-client';
import { ApiError, isAbortError } from '../api/api-error';
import type { Delivery, SendOutcome } from './outbox-types';
import { minimalReport } from './report-form';

/** A request on a poor link that has not answered by then is abandoned and tried again later. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** The typed calls the outbox delivers with (the dashboard's API client, which renews the access token once after a 401). */
export type FieldDeliveryApi = Pick<ApiClient, 'createReport' | 'createDocumentCheck' | 'setTeamStatus' | 'moveTask' | 'postMessage' | 'postPositions'>;

/** Sends one outbox delivery and says what the sync engine should do next. */
export function createFieldTransport(api: FieldDeliveryApi, timeoutMs = REQUEST_TIMEOUT_MS) {
  return async function send(delivery: Delivery): Promise<SendOutcome> {
    try {
      return await deliver(api, delivery, AbortSignal.timeout(timeoutMs));
    } catch (error) {
      return classifyFailure(error);
    }
  };
}

type Delivered = Extract<SendOutcome, { result: 'delivered' }>;
const DELIVERED: Delivered = { result: 'delivered' };

/**
 * The REST call of a delivery, each item under its own id as `clientId` (a resend applies once):
 * the body carries nothing the server does not need. A document check answers its result.
 */
export async function deliver(api: FieldDeliveryApi, delivery: Delivery, signal?: AbortSignal): Promise<Delivered> {
  switch (delivery.kind) {
    case 'report': {
      const [item] = delivery.items;
      await api.createReport(item.operationId, minimalReport({ ...item.body, clientId: item.id }), signal);
      return DELIVERED;
    }
    case 'document-check': {
      const [item] = delivery.items;
      const { documentType, issuingCountry, documentNumber, expiryDate } = item.body;
      const check = { clientId: item.id, teamId: item.teamId, documentType, issuingCountry, documentNumber, ...(expiryDate ? { expiryDate } : {}) };
      return { result: 'delivered', answer: await api.createDocumentCheck(item.operationId, check, signal) };
    }
    case 'status': {
      const [item] = delivery.items;
      await api.setTeamStatus(item.teamId, item.body.status, signal);
      return DELIVERED;
    }
    case 'task': {
      const [item] = delivery.items;
      const { taskId, to, reason } = item.body;
      await api.moveTask(item.operationId, taskId, { clientId: item.id, to, ...(reason ? { reason } : {}) }, signal);
      return DELIVERED;
    }
    case 'message': {
      const [item] = delivery.items;
      await api.postMessage(item.operationId, 'task', item.body.taskId, { clientId: item.id, body: item.body.text }, signal);
      return DELIVERED;
    }
    case 'positions':
      await api.postPositions(delivery.operationId, delivery.teamId, { positions: delivery.positions.map(positionOnWire) }, signal);
      return DELIVERED;
  }
}

/** A position as sent: an unknown heading, speed or accuracy is left out (the schema's default is null). */
function positionOnWire({ heading, speed, accuracy, ...position }: PositionInput): PositionBatchInput['positions'][number] {
  return { ...position, ...(heading === null ? {} : { heading }), ...(speed === null ? {} : { speed }), ...(accuracy === null ? {} : { accuracy }) };
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
