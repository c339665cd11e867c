import type { Logger } from '@nestjs/common';
import type { Ack, AckError } from '@lintas/contracts';
import { retryAfterSeconds, toErrorBody } from '../common/error.filter';

/** The same mapping as HTTP answers: AppError and validation failures keep their status and message; anything else is 500 with no detail. */
export function toAckError(error: unknown): AckError {
  const body = toErrorBody(error);
  const retryAfter = retryAfterSeconds(error, body);
  return { status: body.statusCode, code: body.code, message: body.message, ...(body.issues ? { issues: body.issues } : {}), ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}) };
}

/**
 * Runs a socket handler and answers its acknowledgement: `{ ok: true, ...result }` or
 * `{ ok: false, error }`. Nothing escapes: an unexpected failure is logged and answered 500, and a
 * client that sent no callback simply gets no answer. Resolves true when the handler succeeded.
 */
export async function answerAck<T extends object>(ack: unknown, logger: Logger, work: () => Promise<T>): Promise<boolean> {
  let answer: Ack<T>;
  try {
    answer = { ok: true, ...(await work()) } as Ack<T>;
  } catch (error) {
    const failure = toAckError(error);
    if (failure.status === 503) logger.warn(`answered 503: ${error instanceof Error ? error.message : String(error)}`);
    else if (failure.status >= 500) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    answer = { ok: false, error: failure };
  }
  if (typeof ack === 'function') {
    try {
      (ack as (answer: Ack<T>) => void)(answer);
    } catch (error) {
      logger.warn(`acknowledgement failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return answer.ok;
}
