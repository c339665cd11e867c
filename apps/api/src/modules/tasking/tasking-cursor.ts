import { badRequest } from '../../common/app-error';

/** Task and request lists page by position (they are short: an operation's orders, not its reports). */
export function decodeOffsetCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^o(\d{1,7})$/.exec(cursor);
  if (!match) throw badRequest('invalid_cursor', 'The page cursor is not one this server gave out; start again from the first page');
  return Number(match[1]);
}

export function encodeOffsetCursor(offset: number): string {
  return `o${offset}`;
}
