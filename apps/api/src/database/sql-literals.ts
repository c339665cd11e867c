import { escapeLiteral } from 'pg';

/**
 * Writes a parameterised statement's values into it as SQL literals, for the simple query
 * protocol (the only one that takes several statements in one round trip, and it has no
 * parameters). Each `$n` placeholder (matched as a whole number: `$1` never takes `$10`'s digits)
 * becomes its value. Only for statements written in this code base (no `$n` inside their own string
 * literals or dollar quotes); the values may be anything a user sent.
 */
export function withLiterals(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new Error(`no value for $${n}`);
    return sqlLiteral(params[index]);
  });
}

/**
 * A value as `pg` would send it as a parameter, written as a literal: strings and JSON through
 * `escapeLiteral` (quotes doubled; backslashes doubled in an E'' string, right whatever
 * `standard_conforming_strings` is), arrays as ARRAY[…] of such literals (the statement casts them).
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return `ARRAY[${value.map(sqlLiteral).join(', ')}]`;
  if (value instanceof Date) return text(value.toISOString());
  return text(JSON.stringify(value));
}

function text(value: string): string {
  // The simple protocol's query is a NUL-terminated string: a NUL would cut the statement short
  // (PostgreSQL refuses NUL in text values anyway; JSON.stringify writes it as \u0000).
  if (value.includes('\0')) throw new Error('a NUL character cannot be sent in a text value');
  return escapeLiteral(value);
}
