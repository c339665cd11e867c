import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { z, type ZodType } from 'zod';

type JsonSchema = Record<string, unknown>;

/** The OpenAPI schema of a contracts schema (what a client sends). */
export function jsonSchemaOf(schema: ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
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
