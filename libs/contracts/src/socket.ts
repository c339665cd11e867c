import { z } from 'zod';
import type { ErrorCode } from './error-codes';
import { uuidSchema, type ErrorIssue } from './common';
import type { OperationEvent, OperationEventPage, TeamPositionsMessage } from './events';
import type { Report } from './reports';
import type { TeamPosition } from './teams';
import { createReportSchema } from './reports';
import { positionInputSchema } from './teams';

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: AckError };
export interface AckError {
  /** HTTP-like status: 400 bad input, 401, 403, 404, 409, 429 rate limited. */
  status: number;
  /** As in `ErrorBody`: one of the closed set in `error-codes.ts`. */
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
  /** With 429 and 503: how long to wait before trying again (HTTP answers say it in `Retry-After`). */
  retryAfterSeconds?: number;
}

export const subscribeSchema = z.strictObject({
  operationId: uuidSchema,
  sinceSeq: z.number().int().min(0).optional(),
  /**
   * Send the catch-up as `operation:events` pages (one packet per page of up to 500 events, applied
   * by the client as one step) instead of one `operation:event` per event. Clients that leave it out
   * get single events, as before; the live stream is single events either way.
   */
  pages: z.boolean().optional(),
});
export type SubscribeRequest = z.infer<typeof subscribeSchema>;

export const unsubscribeSchema = z.strictObject({ operationId: uuidSchema });
export type UnsubscribeRequest = z.infer<typeof unsubscribeSchema>;

export const socketCreateReportSchema = z.strictObject({ operationId: uuidSchema, report: createReportSchema });
export type SocketCreateReport = z.infer<typeof socketCreateReportSchema>;
/** What a client sends: fields with defaults may be left out. */
export type SocketCreateReportInput = z.input<typeof socketCreateReportSchema>;

export const socketPositionSchema = z.strictObject({
  operationId: uuidSchema,
  teamId: uuidSchema,
  position: positionInputSchema,
});
export type SocketPosition = z.infer<typeof socketPositionSchema>;
/** What a client sends: heading, speed and accuracy may be left out. */
export type SocketPositionInput = z.input<typeof socketPositionSchema>;

export interface SubscribeResult {
  operationId: string;
  /** The seq the catch-up starts after. */
  fromSeq: number;
  /** Latest position of every team the viewer may see. */
  positions: TeamPosition[];
}

/**
 * Requests are typed as the client sends them (schema input: defaulted fields optional); the server
 * validates them with the schemas above. Method syntax keeps listeners typed with the parsed
 * (output) types assignable.
 */
export interface ClientToServerEvents {
  'operation:subscribe'(request: SubscribeRequest, ack: (answer: Ack<SubscribeResult>) => void): void;
  'operation:unsubscribe'(request: UnsubscribeRequest, ack: (answer: Ack) => void): void;
  'report:create'(request: SocketCreateReportInput, ack: (answer: Ack<{ report: Report }>) => void): void;
  'team:position'(request: SocketPositionInput, ack: (answer: Ack) => void): void;
}

export interface ServerToClientEvents {
  'operation:event': (event: OperationEvent) => void;
  /** A page of the catch-up (subscribe with `pages: true`): consecutive visible events in seq order, each once. */
  'operation:events': (page: OperationEventPage) => void;
  /** The catch-up is done: everything up to `seq` has been delivered; live events follow. */
  'operation:caught-up': (message: { operationId: string; seq: number; delivered: number }) => void;
  'team:positions': (message: TeamPositionsMessage) => void;
  /** The viewer lost access (agency removed, user disabled, token revoked). */
  'access:revoked': (message: { operationId: string | null; reason: string }) => void;
  /** The viewer's agency was added to or removed from an operation: an open operations list refreshes. */
  'operations:changed': (message: { operationId: string; change: 'added' | 'removed' }) => void;
}
