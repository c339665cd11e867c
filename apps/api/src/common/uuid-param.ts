import { Injectable, type PipeTransform } from '@nestjs/common';
import { uuidSchema } from '@lintas/contracts';
import { badRequest } from './app-error';

/** Validates an `:id` path parameter before it reaches SQL: a malformed id answers 400, not a database error. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!uuidSchema.safeParse(value).success) throw badRequest('invalid_id', `${this.name} must be a UUID`);
    return value;
  }
}

/** `@Param('id', uuidParam('Operation id'))` */
export const uuidParam = (name: string) => new UuidParamPipe(name);
