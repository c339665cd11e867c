import type { CreateReport, DocumentCheck, DocumentType, ErrorCode, ErrorIssue, PositionInput, TaskState, TeamStatus } from '@lintas/contracts';

/**
 * What the field outbox keeps. Every post is an item written to IndexedDB before anything is
 * sent; its `id` is the client-generated UUID (a report's `clientId`, which makes a retried
 * create apply once on the server).
 */
export type OutboxState = 'queued' | 'sending' | 'delivered' | 'rejected';

export interface Rejection {
  /** The HTTP status of the final answer. */
  status: number;
  /** The API's error code (absent on items refused before codes were kept). */
  code?: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

interface ItemBase {
  /** Client-generated UUID. */
  id: string;
  /** Enqueue order, given by IndexedDB (auto-increment): items go out in this order. */
  seq?: number;
  /** The user whose session delivers it: an outbox is never sent under someone else's name. */
  ownerId: string;
  operationId: string;
  teamId: string;
  state: OutboxState;
  /** Milliseconds since the epoch. */
  createdAt: number;
  attempts: number;
  deliveredAt: number | null;
  rejection: Rejection | null;
  /** A document check's result, as the server answered its delivery. */
  answer?: DocumentCheck | null;
}

/**
 * A document check as the phone queues it: the fields read from the MRZ (checked on the phone) or
 * typed. The number leaves the phone's storage once the check is delivered (see the sync engine).
 */
export interface DocumentCheckBody {
  documentType: DocumentType;
  issuingCountry: string;
  /** Emptied once delivered: the phone keeps no document numbers. */
  documentNumber: string;
  expiryDate: string | null;
}

export type OutboxPayload =
  | { kind: 'report'; body: CreateReport }
  | { kind: 'status'; body: { status: TeamStatus } }
  | { kind: 'position'; body: PositionInput }
  | { kind: 'document-check'; body: DocumentCheckBody }
  /** A task's state change (acknowledged, in progress, done, unable); the item id is the change's clientId. */
  | { kind: 'task'; body: { taskId: string; title: string; to: TaskState; reason?: string } }
  /** A message in a task's thread; the item id is the message's clientId. */
  | { kind: 'message'; body: { taskId: string; title: string; text: string } };

export type OutboxItem = ItemBase & OutboxPayload;
export type OutboxKind = OutboxItem['kind'];
export type StoredOutboxItem = OutboxItem & { seq: number };

/** One request's worth of items: a report, a status change, or a team's positions as one batch. */
export type Delivery =
  | { kind: 'report'; items: [StoredOutboxItem & { kind: 'report' }] }
  | { kind: 'status'; items: [StoredOutboxItem & { kind: 'status' }] }
  | { kind: 'document-check'; items: [StoredOutboxItem & { kind: 'document-check' }] }
  | { kind: 'task'; items: [StoredOutboxItem & { kind: 'task' }] }
  | { kind: 'message'; items: [StoredOutboxItem & { kind: 'message' }] }
  | {
      kind: 'positions';
      operationId: string;
      teamId: string;
      /** Every queued position of the run, delivered or dropped together. */
      items: Array<StoredOutboxItem & { kind: 'position' }>;
      /** What goes on the wire: the run compressed, oldest first. */
      positions: PositionInput[];
    };

/** How a delivery attempt ended, as the sync engine needs to know it. */
export type SendOutcome =
  /** A document check answers its result. */
  | { result: 'delivered'; answer?: DocumentCheck }
  /** Network failure, timeout, 408, 429 or 5xx: try again later (at least `retryAfterMs`). */
  | { result: 'retry'; reason: string; network: boolean; retryAfterMs?: number | null }
  /** Any other 4xx: final, shown with the server's reason; never retried by itself. */
  | { result: 'rejected'; rejection: Rejection }
  /** 401 even after a token refresh: wait until the officer signs in again. */
  | { result: 'unauthenticated'; reason: string };
