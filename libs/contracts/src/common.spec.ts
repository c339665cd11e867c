import { describe, expect, it } from 'vitest';
import { passwordSchema } from './auth';
import { nameSchema, narrativeSchema, pastTimestampSchema, textSchema, timestampSchema } from './common';
import { createOperationSchema, updateOperationSchema } from './operations';
import { createReportSchema, rejectReportSchema, verifyReportSchema } from './reports';
import { siteQuerySchema } from './sites';

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

describe('text is storable Unicode', () => {
  const LONE_HIGH = '\ud800x';
  const LONE_LOW = 'x\udc00';

  it('refuses lone UTF-16 surrogates, which PostgreSQL JSON refuses and text would mangle', () => {
    for (const schema of [textSchema, nameSchema, narrativeSchema]) {
      expect(schema.safeParse(LONE_HIGH).success).toBe(false);
      expect(schema.safeParse(LONE_LOW).success).toBe(false);
      expect(schema.safeParse('\udc00\ud800').success).toBe(false);
    }
    expect(textSchema.safeParse(LONE_HIGH).error?.issues[0].message).toBe('must be valid Unicode text without NUL characters');
  });

  it('keeps whole surrogate pairs: emoji and characters beyond the BMP', () => {
    expect(nameSchema.safeParse('Patrol 🚤 𠀋').success).toBe(true);
    expect(narrativeSchema.safeParse('ស្វាយរៀង — Svay Rieng 🛂').success).toBe(true);
  });

  it('covers the text fields of bodies and queries, naming the field', () => {
    const cases: [{ safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, unknown, string][] = [
      [verifyReportSchema, { reason: LONE_HIGH }, 'reason'],
      [rejectReportSchema, { reason: LONE_HIGH }, 'reason'],
      [siteQuerySchema, { q: 'a\u0000b' }, 'q'],
      [siteQuerySchema, { q: LONE_LOW }, 'q'],
      [createOperationSchema, { code: 'OP-X', name: LONE_HIGH }, 'name'],
      [updateOperationSchema, { description: LONE_LOW }, 'description'],
      [createReportSchema, { title: LONE_HIGH }, 'title'],
      [passwordSchema, `${LONE_HIGH}-long-enough-password`, ''],
    ];
    for (const [schema, value, field] of cases) {
      const result = schema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
    }
  });
});
