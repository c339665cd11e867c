import { decodePositionCursor, encodePositionCursor } from './position-cursor';

const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('position cursor', () => {
  it('round-trips the exact time of a position, microseconds included', () => {
    expect(decodePositionCursor(encodePositionCursor('2026-11-28T03:04:05.123456Z'))).toBe('2026-11-28T03:04:05.123456Z');
    expect(decodePositionCursor(encodePositionCursor('2028-02-29T23:59:59.999999Z'))).toBe('2028-02-29T23:59:59.999999Z');
  });

  it.each([
    '',
    'not a time',
    '2026-11-28T03:04:05Z',
    '2026-02-30T00:00:00.000000Z',
    '2027-02-29T00:00:00.000000Z',
    '2026-13-01T00:00:00.000000Z',
    '2026-02-28T24:00:00.000000Z',
    '2026-02-28T23:60:00.000000Z',
    '0000-01-01T00:00:00.000000Z',
  ])('refuses %j with a 400 (PostgreSQL would refuse it with an error)', (text) => {
    expect(() => decodePositionCursor(encode(text))).toThrow(expect.objectContaining({ status: 400, code: 'invalid_cursor' }));
  });
});
