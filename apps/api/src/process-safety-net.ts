import type { Logger } from 'pino';
import { isDatabaseUnavailable } from './common/pg-errors';

/** Error names of `@redis/client` for a link that dropped or timed out; the client reconnects by itself. */
const REDIS_LINK_ERRORS = new Set(['SocketClosedUnexpectedlyError', 'ConnectionTimeoutError', 'SocketTimeoutError', 'ReconnectStrategyError', 'TimeoutError', 'ClientOfflineError', 'ClientClosedError']);

/** How long a clean shutdown may take after a fatal error before the process exits anyway. */
const FATAL_EXIT_AFTER_MS = 10_000;

/**
 * A failure of a dependency's connection: the library that owns it reconnects (the pg pool
 * replaces the client, the Redis client reconnects), and the request that used it has already
 * answered 503. Nothing in this process is left half-done by it.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  return error instanceof Error && REDIS_LINK_ERRORS.has(error.name);
}

/**
 * The last line of defence, installed once by `main.ts`:
 *
 * - an unhandled promise rejection is logged with its stack and the process goes on: a promise
 *   nobody awaited failed, and nobody was waiting on its result (every request path awaits its own
 *   work and answers from the exception filter);
 * - an uncaught exception that is a dependency's connection failure (an 'error' event of a socket
 *   nobody listened to) is logged and the process goes on, for the same reason;
 * - any other uncaught exception means code threw outside every handler, and the state it left is
 *   unknown: the process logs it as fatal, closes cleanly (stops taking requests, drains sockets),
 *   and exits with status 1 so that its supervisor (Docker's restart policy, systemd) starts a new one.
 */
export function installProcessSafetyNet(log: Logger, shutdown: (reason: string) => Promise<void>): void {
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled promise rejection (the process keeps running)');
  });
  process.on('uncaughtException', (error, origin) => {
    if (isConnectionFailure(error)) {
      log.error({ err: error, origin }, 'unhandled connection failure (the process keeps running; the connection is replaced)');
      return;
    }
    log.fatal({ err: error, origin }, 'uncaught exception: the process state is unknown, shutting down');
    setTimeout(() => process.exit(1), FATAL_EXIT_AFTER_MS).unref();
    void shutdown('uncaught exception').finally(() => process.exit(1));
  });
}
