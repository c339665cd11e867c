import { decodeReportCursor, encodeReportCursor } from './report-cursor';

describe('report cursor', () => {
  it('round-trips microseconds and id exactly', () => {
    const cursor = { receivedAtMicros: '1764331200123456', id: '0b1f6c1e-8a57-4c36-9d2f-1c2b3a4d5e6f' };
    expect(decodeReportCursor(encodeReportCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'not-base64!', Buffer.from('123:abc').toString('base64url'), Buffer.from("1' OR 1=1 --:x").toString('base64url')])(
    'refuses %j with a 400',
    (value) => {
      expect(() => decodeReportCursor(value)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_cursor' }));
    },
  );
});
