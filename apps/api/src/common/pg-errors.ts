/** PostgreSQL error codes the API turns into answers instead of 500s. */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

function codeOf(error: unknown): string | undefined {
  // TypeORM wraps driver errors in QueryFailedError and keeps the driver's fields.
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A UNIQUE constraint refused the row: the losing side of a race the service's own check missed. */
export function isUniqueViolation(error: unknown): boolean {
  return codeOf(error) === UNIQUE_VIOLATION;
}

export function isForeignKeyViolation(error: unknown): boolean {
  return codeOf(error) === FOREIGN_KEY_VIOLATION;
}

/**
 * The server is going away (administrator or crash shutdown, not accepting connections, an idle
 * session timed out), the connection broke (SQLSTATE class 08), the server has no room for another
 * connection (class 53), or the socket under it did (Node's errno codes, which `pg`
 * passes through). Serialization failures and deadlocks (40001, 40P01) are `isTransientConflict`.
 */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '57P05', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
const CONNECTION_EXCEPTION_CLASS = '08';
/** Insufficient resources (class 53): too many connections (53300, a new pooled connection refused), out of memory, disk full. */
const INSUFFICIENT_RESOURCES_CLASS = '53';
/** TypeORM's error names for a query runner whose connection was dropped under it. */
const UNAVAILABLE_NAMES = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError', 'ConnectionIsNotSetError']);
/** What `pg`, its pool and TypeORM throw when the connection or the pool has been closed (no code). */
const CLOSED_MESSAGES = [
  'Cannot use a pool after calling end on the pool',
  'Connection terminated',
  'is not queryable',
  'Cannot execute operation because connection is not yet established',
  'database is not established',
  'Driver not Connected',
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
];

/**
 * The database cannot serve the request now — the API or PostgreSQL is shutting down, or the
 * connection dropped: nothing was committed, and the client should retry later (503, not 500).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined) return UNAVAILABLE_CODES.has(code) || code.startsWith(CONNECTION_EXCEPTION_CLASS) || code.startsWith(INSUFFICIENT_RESOURCES_CLASS);
  if (error instanceof Error && UNAVAILABLE_NAMES.has(error.name)) return true;
  const message = error instanceof Error ? error.message : '';
  return CLOSED_MESSAGES.some((text) => message.includes(text));
}

/**
 * Serialization failure, deadlock and a lock not granted in time (`lock_timeout`): PostgreSQL rolled
 * the transaction back; the same write, sent again, can succeed.
 */
const TRANSIENT_CONFLICT_CODES = new Set(['40001', '40P01', '55P03']);

/**
 * A write that lost a race with another transaction (deadlock, serialization failure): nothing was
 * committed, and the client's retry with the same client id is applied once — a 503 with a retry
 * hint, not a 500.
 */
export function isTransientConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && TRANSIENT_CONFLICT_CODES.has(code);
}

/**
 * Tries of a write that PostgreSQL rolled back as the losing side of a deadlock or a serialization
 * failure. Only for writes that are safe to run again (idempotent, like storing positions).
 */
export const TRIES_ON_TRANSIENT_CONFLICT = 3;

/**
 * Runs `write` (a whole transaction) and runs it again, up to `TRIES_ON_TRANSIENT_CONFLICT` times in
 * all, while it fails with a transient conflict (`isTransientConflict`): nothing was committed, so
 * trying again is the same write. Any other error, or the last try's, is thrown.
 */
export async function retryOnTransientConflict<T>(write: () => Promise<T>, onRetry?: (error: unknown) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= TRIES_ON_TRANSIENT_CONFLICT || !isTransientConflict(error)) throw error;
      onRetry?.(error);
    }
  }
}
