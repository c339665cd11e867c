import { describe, expect, it } from 'vitest';
import { nameSchema, narrativeSchema, pastTimestampSchema, timestampSchema } from './common';

describe('time stamps', () => {
  it('refuse year 0000, which PostgreSQL cannot store, and anything before 1900', () => {
    expect(timestampSchema.safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    expect(timestampSchema.safeParse('1899-12-31T23:59:59Z').success).toBe(false);
    expect(timestampSchema.safeParse('1900-01-01T00:00:00Z').success).toBe(true);
    expect(pastTimestampSchema.safeParse('0000-01-01T00:00:00Z').success).toBe(false);
  });

  it('pastTimestampSchema refuses a time more than a few minutes ahead', () => {
    expect(pastTimestampSchema.safeParse('2999-01-01T00:00:00Z').success).toBe(false);
    expect(pastTimestampSchema.safeParse(new Date().toISOString()).success).toBe(true);
    expect(timestampSchema.safeParse('2999-01-01T00:00:00Z').success).toBe(true);
  });
});

describe('text', () => {
  it('refuses the NUL character, which PostgreSQL text cannot hold', () => {
    expect(nameSchema.safeParse('Op\u0000X').success).toBe(false);
    expect(narrativeSchema.safeParse('a\u0000b').success).toBe(false);
    expect(narrativeSchema.max(5).safeParse('abcdef').success).toBe(false);
    expect(nameSchema.safeParse('  Mekong  ').data).toBe('Mekong');
  });
});
