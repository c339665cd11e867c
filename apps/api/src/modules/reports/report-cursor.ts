import { badRequest } from '../../common/app-error';

/**
 * The position after the last report of a page, newest first: (received_at, id). The time is
 * kept in whole microseconds, PostgreSQL's precision, because a JavaScript Date would round it to
 * milliseconds and the next page could then skip or repeat reports received in the same
 * millisecond. Opaque to clients (base64url).
 */
export interface ReportCursor {
  receivedAtMicros: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeReportCursor(cursor: ReportCursor): string {
  return Buffer.from(`${cursor.receivedAtMicros}:${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeReportCursor(value: string): ReportCursor {
  const [micros, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split(':');
  if (rest.length > 0 || !/^-?\d{1,18}$/.test(micros ?? '') || !UUID.test(id ?? '')) {
    throw badRequest('invalid_cursor', 'cursor is not one this API gave out; start again without it');
  }
  return { receivedAtMicros: micros, id };
}
