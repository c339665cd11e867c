import { Injectable, type PipeTransform } from '@nestjs/common';
import { z, type ZodType } from 'zod';
import { answerIssue } from '@lintas/contracts';
import { AppError } from './app-error';

/**
 * Turns a zod error into the 400 answer: one line per failing field, each with zod's code and
 * figures (`answerIssue`) so that clients say it in their user's language.
 */
export function validationError(error: z.ZodError): AppError {
  const issues = error.issues.map(answerIssue);
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new AppError(400, 'validation_failed', `Invalid input: ${summary}`, issues);
}

/** Parse with a contracts schema or throw the 400 AppError. Used by REST pipes and socket handlers alike. */
export function parseInput<T extends ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** `@Body(new ZodPipe(createReportSchema))`: validates with the one schema from libs/contracts. */
@Injectable()
export class ZodPipe<T extends ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    return parseInput(this.schema, value ?? {});
  }
}
