import { z } from 'zod';

export const uuidSchema = z.uuid('must be a UUID');

/** Items a client may be told happened up to this far ahead of the server clock (clock skew). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/** An ISO 8601 time stamp with offset, not more than a few minutes in the future. */
export const pastTimestampSchema = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 time stamp' })
  .refine((value) => Date.parse(value) <= Date.now() + MAX_FUTURE_SKEW_MS, 'must not be in the future');

export const timestampSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time stamp' });

/** Short single-line text: names, call signs. */
export const nameSchema = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
/** Free text: narratives, sitreps, reasons. */
export const narrativeSchema = z.string().max(10_000, 'must be at most 10,000 characters');

export const cursorPageQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The body of every error answer. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** For validation errors: each failing field and why. */
  issues?: { path: string; message: string }[];
}
