import { applyDecorators, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import type { ZodType } from 'zod';
import { responseSchemaOf } from './openapi';

/** What a service's create by client id answers: the stored item under `key`, and whether this request stored it. */
export type CreateOutcome<K extends string> = { created: boolean } & { [key in K]: unknown };

export interface IdempotentCreateDocs {
  /** The item as the answer's descriptions name it, e.g. `the task`. */
  item: string;
  /** The contracts schema of the item (the answer's OpenAPI schema), and an example of it. */
  schema: ZodType;
  example: unknown;
  /** Descriptions other than `Stored: <item>` and the retry's. */
  created?: string;
  resent?: string;
}

/**
 * A create made idempotent by the client's `clientId` answers 201 when this request stored the
 * item and 200 when it was a resend of one already stored (an outbox retry by the same user). The
 * handler returns the service's `{ created, <key>: item }`; the answer is the item, with the status
 * that `created` says. Documents both answers with the item's schema.
 */
export function IdempotentCreate<K extends string>(key: K, docs: IdempotentCreateDocs) {
  const schema = responseSchemaOf(docs.schema, docs.example);
  const decorate = applyDecorators(
    ApiCreatedResponse({ description: docs.created ?? `Stored: ${docs.item}`, schema: schema as never }),
    ApiOkResponse({ description: docs.resent ?? `A retry of a create already stored (same clientId, same user): ${docs.item} as stored`, schema: schema as never }),
    UseInterceptors(new CreatedOrResentStatus(key)),
  );
  // Typed so that a handler which does not return the service's outcome does not compile.
  return <M extends (...args: never[]) => Promise<CreateOutcome<K>>>(target: object, property: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    decorate(target, property, descriptor);
  };
}

/** Sets 201 or 200 from the outcome's `created` and answers the item alone. */
class CreatedOrResentStatus implements NestInterceptor {
  constructor(private readonly key: string) {}

  intercept(context: ExecutionContext, next: CallHandler<CreateOutcome<string>>): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((outcome) => {
        response.status(outcome.created ? 201 : 200);
        return outcome[this.key];
      }),
    );
  }
}
