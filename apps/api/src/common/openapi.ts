import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { applyDecorators, HttpCode } from '@nestjs/common';
import { z, type ZodType } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * The OpenAPI schema of a contracts schema (what a client sends). @nestjs/swagger publishes an
 * OpenAPI 3.0 document, so schemas use zod's OpenAPI 3.0 target (`nullable: true`, boolean
 * `exclusiveMinimum`), not JSON Schema 2020-12 (`{ type: 'null' }` inside `anyOf`), which is only
 * valid in 3.1. A 3.0 document is checked schema by schema by validators (3.1 ones only loosely).
 */
export function jsonSchemaOf(schema: ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** An answer's OpenAPI schema: the contracts schema of what the API sends (its output side), with an example. */
export function responseSchemaOf(schema: ZodType | undefined, example?: unknown): JsonSchema {
  return { ...(schema ? jsonSchemaOf(schema, 'output') : {}), ...(example === undefined ? {} : { example }) };
}

/**
 * Documents a 200 answer with the contracts schema of what is sent: the generated client types
 * (libs/contracts/src/generated/openapi.ts) then carry the same shape as the contracts' type.
 */
export function ApiZodOk(schema: ZodType, description: string, example?: unknown) {
  return ApiOkResponse({ description, schema: responseSchemaOf(schema, example) as never });
}

/** The same for a 201 (a POST that creates, not idempotent by a client id). */
export function ApiZodCreated(schema: ZodType, description: string, example?: unknown) {
  return ApiCreatedResponse({ description, schema: responseSchemaOf(schema, example) as never });
}

/** Documents a request body with the same schema that validates it. */
export function ApiZodBody(schema: ZodType, example?: unknown) {
  return ApiBody({ schema: { ...jsonSchemaOf(schema), ...(example === undefined ? {} : { example }) } as never });
}

/** Documents each query parameter of an object schema. */
export function ApiZodQuery(schema: z.ZodObject) {
  const json = jsonSchemaOf(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: (json.required ?? []).includes(name), schema: property as never }),
    ),
  );
}

/** The 404 of every route under an operation the caller's agency may not reach (it learns nothing more). */
export function ApiOperationNotFound() {
  return ApiNotFoundResponse({ description: "The operation does not exist or the caller's agency does not take part in it" });
}

/** Documents a 200 answer that is a file, not JSON (a PDF, a tile, an archive): its content type, as binary. */
export function ApiBinaryOk(contentType: string, description: string) {
  return applyDecorators(
    ApiProduces(contentType),
    ApiOkResponse({ description, content: { [contentType]: { schema: { type: 'string', format: 'binary' } } } }),
  );
}

/** A controller for signed-in callers: a bearer token, and the 401 without one. */
export function ApiSignedIn() {
  return applyDecorators(ApiBearerAuth(), ApiUnauthorizedResponse({ description: 'No, an invalid or an expired access token' }));
}

/** A DELETE that answers 204 (removing again answers the same or 404, as `notFound` says), with who may not and what may not be found. */
export function ApiRemoval(texts: { summary: string; done: string; forbidden: string; notFound: string; conflict?: string }) {
  return applyDecorators(
    HttpCode(204),
    ApiOperation({ summary: texts.summary }),
    ApiNoContentResponse({ description: texts.done }),
    ApiForbiddenResponse({ description: texts.forbidden }),
    ApiNotFoundResponse({ description: texts.notFound }),
    ...(texts.conflict ? [ApiConflictResponse({ description: texts.conflict })] : []),
  );
}
