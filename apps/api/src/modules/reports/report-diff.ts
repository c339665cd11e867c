/**
 * Field-by-field differences between two states of a report, as the history stores them:
 * `{ field: [before, after] }`. Values are compared by content (arrays and the interception
 * counts, whatever their key order), so that an amendment that restates a value records nothing.
 */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of Object.keys(after) as (keyof T & string)[]) {
    const next = after[field];
    if (next === undefined) continue;
    if (canonical(before[field]) !== canonical(next)) changes[field] = [before[field] ?? null, next];
  }
  return changes;
}

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
