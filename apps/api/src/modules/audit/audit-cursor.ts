import { badRequest } from '../../common/app-error';

/** The audit trail is read newest first by its bigserial id: the cursor is the last id of a page (opaque, base64url). */
export function encodeAuditCursor(id: string): string {
  return Buffer.from(`a:${id}`, 'utf8').toString('base64url');
}

export function decodeAuditCursor(value: string): string {
  const match = /^a:(\d{1,19})$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match) throw badRequest('invalid_cursor', 'cursor is not one this API gave out; start again without it');
  return match[1];
}
