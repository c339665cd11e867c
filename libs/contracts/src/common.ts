import { z } from 'zod';
import { ISSUE_MESSAGES } from './issue-messages';
import type { ErrorCode } from './error-codes';

export const uuidSchema = z.uuid(ISSUE_MESSAGES.uuid);

/** Items a client may be told happened up to this far ahead of the server clock (clock skew). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/**
 * The earliest time stamp accepted anywhere. ISO 8601 allows year 0000, which PostgreSQL refuses;
 * nothing Lintas records happened before 1900.
 */
export const MIN_TIMESTAMP = '1900-01-01T00:00:00Z';
const MIN_TIMESTAMP_MS = Date.parse(MIN_TIMESTAMP);

export const timestampSchema = z.iso
  .datetime({ offset: true, message: ISSUE_MESSAGES.iso_timestamp })
  .refine((value) => Date.parse(value) >= MIN_TIMESTAMP_MS, ISSUE_MESSAGES.not_before_1900);

/** An ISO 8601 time stamp with offset, not more than a few minutes in the future. */
export const pastTimestampSchema = timestampSchema.refine(
  (value) => Date.parse(value) <= Date.now() + MAX_FUTURE_SKEW_MS,
  ISSUE_MESSAGES.not_in_future,
);

/**
 * Text PostgreSQL can store: no U+0000 (text cannot hold it) and no lone UTF-16 surrogate (half
 * of a pair: not Unicode; a JSON column refuses it and a text column would keep U+FFFD instead).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isStorableText = (value: string) => !value.includes('\u0000') && !LONE_SURROGATE.test(value);
/** @deprecated the NUL test alone; use `isStorableText` (or `textSchema`). */
export const noNulCharacter = isStorableText;
const NOT_TEXT = ISSUE_MESSAGES.not_text;

/** Every free-text field of every DTO and query starts here (names, narratives, reasons, search terms). */
export const textSchema = z.string().refine(isStorableText, NOT_TEXT);

/** Short single-line text: names, call signs. */
export const nameSchema = textSchema.trim().min(1, ISSUE_MESSAGES.not_empty).max(120, ISSUE_MESSAGES.name_too_long);
/** Free text: narratives, sitreps, reasons. */
export const narrativeSchema = textSchema.max(10_000, ISSUE_MESSAGES.narrative_too_long);

export const cursorPageQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The schema of a `Page` of `item` (the API's OpenAPI answers); typed so that it cannot drift from `Page`. */
export function pageSchema<T extends z.ZodType>(item: T): z.ZodType<Page<z.output<T>>> {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The body of every error answer. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  /** One of the closed set in `error-codes.ts`; clients translate it, `message` is the English fallback. */
  code: ErrorCode;
  message: string;
  /** For validation errors: each failing field and why. */
  issues?: ErrorIssue[];
}

/** The figures and words a zod issue is made of, as a client needs them to say it in its own language. */
export interface IssueParams {
  /** What was measured (`too_small`, `too_big`): string (its length), number, array, set, date, … */
  origin?: string;
  minimum?: number;
  maximum?: number;
  /** Whether the bound itself is allowed (at least / at most, rather than more / less than). */
  inclusive?: boolean;
  /** The type that was expected (`invalid_type`). */
  expected?: string;
  /** The form that was expected (`invalid_format`): email, uuid, datetime, regex, … */
  format?: string;
  /** `not_multiple_of`. */
  divisor?: number;
}

/**
 * One failing field of a 400 answer (and of a refused socket message): where (`a.b.0`), why in
 * English, and zod's issue code with its figures, so that a client says it in its own language
 * (`too_big` with `maximum: 2000` and `origin: 'string'`), or by the name of the contracts' own
 * message (`namedIssue(message)`).
 */
export interface ErrorIssue {
  path: string;
  message: string;
  /** zod's issue code: too_small, too_big, invalid_type, invalid_format, invalid_value, custom, … (absent in answers of older servers). */
  code?: string;
  params?: IssueParams;
}

const ISSUE_PARAM_KEYS = ['origin', 'minimum', 'maximum', 'inclusive', 'expected', 'format', 'divisor'] as const;

/** A zod issue as the API answers it (`ErrorIssue`); the figures only as JSON can carry them (a bigint as a number). */
export function answerIssue(issue: z.core.$ZodIssue): ErrorIssue {
  const params: Record<string, unknown> = {};
  for (const key of ISSUE_PARAM_KEYS) {
    const value = (issue as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) params[key] = value;
    else if (typeof value === 'bigint') params[key] = Number(value);
  }
  return {
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
    code: issue.code,
    ...(Object.keys(params).length > 0 ? { params: params as IssueParams } : {}),
  };
}
