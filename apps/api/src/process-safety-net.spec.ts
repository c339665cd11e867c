import { isConnectionFailure } from './process-safety-net';

describe('isConnectionFailure', () => {
  it.each([
    ['a terminated PostgreSQL connection', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a Redis socket closed', Object.assign(new Error('Socket closed unexpectedly'), { name: 'SocketClosedUnexpectedlyError' })],
  ])('is true for %s: the process keeps running', (_what, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a constraint violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a thrown string', 'boom'],
  ])('is false for %s: the process shuts down for its supervisor', (_what, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});
