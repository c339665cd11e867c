import { toErrorBody } from './error.filter';
import { isDatabaseUnavailable, isTransientConflict, isUniqueViolation } from './pg-errors';

/** The shape TypeORM's QueryFailedError gives a driver error: its code on itself and on `driverError`. */
function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { driverError: { code } });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection due to crash of another server process'],
    ['57P03', 'the database system is shutting down'],
    ['57P05', 'terminating connection due to idle-session timeout'],
    ['53300', 'sorry, too many clients already'],
    ['53200', 'out of memory'],
  ])('is true for PostgreSQL %s (%s)', (code, message) => {
    expect(isDatabaseUnavailable(pgError(code, message))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error(message), { code }))).toBe(true);
  });

  it.each(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', '08006', '08003'])('is true for a broken connection (%s)', (code) => {
    expect(isDatabaseUnavailable(Object.assign(new Error(`read ${code}`), { code }))).toBe(true);
  });

  it("is true for TypeORM's query runner released under a request", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' }))).toBe(true);
  });

  it.each([
    'timeout exceeded when trying to connect',
    'Cannot use a pool after calling end on the pool',
    'Connection terminated unexpectedly',
    'Client was closed and is not queryable',
    'Cannot execute operation because connection is not yet established.',
    'Driver not Connected',
  ])('is true for a closed pool or connection: %s', (message) => {
    expect(isDatabaseUnavailable(new Error(message))).toBe(true);
  });

  it('is false for other database errors and for errors of our own', () => {
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('40P01', 'deadlock detected'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isUniqueViolation(pgError('23505', 'duplicate'))).toBe(true);
  });
});

describe('toErrorBody for an unavailable database', () => {
  it('answers 503 Service Unavailable with a message, not 500', () => {
    expect(toErrorBody(pgError('57P01', 'terminating connection due to administrator command'))).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'service_unavailable',
      message: 'The service is restarting or its database is unavailable; nothing was stored, retry shortly',
    });
    expect(toErrorBody(new Error('Cannot use a pool after calling end on the pool')).statusCode).toBe(503);
    expect(toErrorBody(new Error('something else')).statusCode).toBe(500);
  });
});

describe('toErrorBody for a write that lost a race', () => {
  it.each([
    ['40P01', 'deadlock detected'],
    ['40001', 'could not serialize access due to concurrent update'],
    ['55P03', 'canceling statement due to lock timeout'],
  ])('answers 503 with a retry hint for PostgreSQL %s (%s), not 500', (code, message) => {
    expect(isTransientConflict(pgError(code, message))).toBe(true);
    expect(toErrorBody(pgError(code, message))).toMatchObject({ statusCode: 503, code: 'service_unavailable' });
  });

  it('is false for other errors', () => {
    expect(isTransientConflict(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isTransientConflict(new Error('deadlock detected'))).toBe(false);
  });
});
