import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { z, type ZodType } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * The OpenAPI schema of a contracts schema (what a client sends). @nestjs/swagger publishes an
 * OpenAPI 3.0 document, so schemas use zod's OpenAPI 3.0 target (`nullable: true`, boolean
 * `exclusiveMinimum`), not JSON Schema 2020-12 (`{ type: 'null' }` inside `anyOf`), which is only
 * valid in 3.1. A 3.0 document is checked schema by schema by validators (3.1 ones only loosely).
 */
export function jsonSchemaOf(schema: ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as JsonSchema;
  delete json.$schema;
  return json;
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
