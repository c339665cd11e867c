import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';

describe('audit cursor', () => {
  it('round-trips an id', () => {
    expect(decodeAuditCursor(encodeAuditCursor('12345'))).toBe('12345');
  });

  it('refuses what it did not give out', () => {
    for (const bad of ['', 'abc', Buffer.from('a:-1').toString('base64url'), Buffer.from('a:1;DROP').toString('base64url')]) {
      expect(() => decodeAuditCursor(bad)).toThrow(expect.objectContaining({ code: 'invalid_cursor' }));
    }
  });
});
