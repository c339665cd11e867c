import { MIN_TIMESTAMP } from '@lintas/contracts';
import { badRequest } from '../../common/app-error';

/**
 * The exact time (microseconds, UTC) of a track page's last position. Opaque to clients
 * (base64url); decoded only into a time PostgreSQL accepts.
 */
const CURSOR_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const MIN_TIMESTAMP_MS = Date.parse(MIN_TIMESTAMP);

export function encodePositionCursor(exactAt: string): string {
  return Buffer.from(exactAt, 'utf8').toString('base64url');
}

export function decodePositionCursor(cursor: string): string {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  // The pattern alone lets through dates no calendar has (month 13, 30 February, 24:00), which PostgreSQL refuses.
  const time = CURSOR_PATTERN.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time) || time < MIN_TIMESTAMP_MS || new Date(time).toISOString().slice(0, 19) !== value.slice(0, 19)) {
    throw badRequest('invalid_cursor', 'cursor is not one this API gave out');
  }
  return value;
}
