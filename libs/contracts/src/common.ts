import { z } from 'zod';

export const uuidSchema = z.uuid('must be a UUID');

/** Items a client may be told happened up to this far ahead of the server clock (clock skew). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/**
 * The earliest time stamp accepted anywhere. ISO 8601 allows year 0000, which PostgreSQL refuses;
 * nothing Lintas records happened before 1900.
 */
export const MIN_TIMESTAMP = '1900-01-01T00:00:00Z';
const MIN_TIMESTAMP_MS = Date.parse(MIN_TIMESTAMP);

export const timestampSchema = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 time stamp' })
  .refine((value) => Date.parse(value) >= MIN_TIMESTAMP_MS, 'must not be before 1900');

/** An ISO 8601 time stamp with offset, not more than a few minutes in the future. */
export const pastTimestampSchema = timestampSchema.refine(
  (value) => Date.parse(value) <= Date.now() + MAX_FUTURE_SKEW_MS,
  'must not be in the future',
);

/** PostgreSQL text cannot hold U+0000: refused here rather than failing in the database. */
export const noNulCharacter = (value: string) => !value.includes('\u0000');
const NO_NUL = 'must not contain NUL characters';

/** Short single-line text: names, call signs. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters')
  .refine(noNulCharacter, NO_NUL);
/** Free text: narratives, sitreps, reasons. */
export const narrativeSchema = z.string().max(10_000, 'must be at most 10,000 characters').refine(noNulCharacter, NO_NUL);

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
