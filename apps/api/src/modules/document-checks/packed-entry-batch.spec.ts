import { createHash } from 'node:crypto';
import { PackedEntryBatch } from './packed-entry-batch';

const hashOf = (text: string) => createHash('sha256').update(text).digest();

describe('PackedEntryBatch', () => {
  it('packs hashes side by side, statuses and sources as indexes (a source kept once), dates as days since 1970', () => {
    const batch = new PackedEntryBatch(3);
    batch.add(hashOf('a'), 'lost', 'Interpol SLTD', '2026-01-02');
    batch.add(hashOf('b'), 'revoked', 'National list', null);
    expect(batch.full).toBe(false);
    batch.add(hashOf('c'), 'stolen_blank', 'Interpol SLTD', '1970-01-01');
    expect(batch.full).toBe(true);

    const [hashes, statuses, sources, statusIndexes, sourceIndexes, days] = batch.parameters();
    expect(hashes.length).toBe(96);
    expect(hashes.subarray(32, 64).equals(hashOf('b'))).toBe(true);
    expect(statusIndexes.map((index) => statuses[index])).toEqual(['lost', 'revoked', 'stolen_blank']);
    expect(sources).toEqual(['Interpol SLTD', 'National list']);
    expect(sourceIndexes).toEqual([0, 1, 0]);
    expect(days).toEqual([Date.UTC(2026, 0, 2) / 86_400_000, -1, 0]);
  });

  it('answers only the rows added, and refuses a row past its capacity or a hash of another length', () => {
    const batch = new PackedEntryBatch(2);
    batch.add(hashOf('a'), 'stolen', 's', null);
    expect(batch.parameters()[0].length).toBe(32);
    expect(() => batch.add(Buffer.alloc(16), 'stolen', 's', null)).toThrow(/32 bytes/);
    batch.add(hashOf('b'), 'stolen', 's', null);
    expect(() => batch.add(hashOf('c'), 'stolen', 's', null)).toThrow(/full/);
  });
});
