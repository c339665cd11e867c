import { uuidSchema } from '@lintas/contracts';
import { describe, expect, it } from 'vitest';
import { newClientId } from './client-id';

describe('newClientId', () => {
  it('makes UUIDs the contracts accept, different each time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newClientId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(uuidSchema.safeParse(id).success).toBe(true);
  });

  it('falls back to getRandomValues where randomUUID is missing (plain http)', () => {
    const id = newClientId({ getRandomValues: (array) => crypto.getRandomValues(array) });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidSchema.safeParse(id).success).toBe(true);
  });
});
