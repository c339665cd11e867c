import { describe, expect, it } from 'vitest';
import { personalDataHints } from './personal-data';

describe('personalDataHints', () => {
  it('finds passport-like numbers, long digit runs and MRZ filler', () => {
    expect(personalDataHints('Holder of passport N1234567 detained')).toEqual(['identity_number']);
    expect(personalDataHints('ID card 1234 5678 9012')).toEqual(['identity_number']);
    expect(personalDataHints('P<KHMDOE<<JOHN')).toContain('machine_readable_zone');
  });

  it('leaves ordinary narratives, call signs and counts alone', () => {
    expect(personalDataHints('14 persons on a long-tail boat near km 12, team KH-BAVET-1 on station')).toEqual([]);
    expect(personalDataHints('Backup needed at 06:40, 2 suspects')).toEqual([]);
    expect(personalDataHints('Seen on 2026-11-28 and again on 29/11/2026, 14 persons')).toEqual([]);
  });
});
