import { DOCUMENT_LIST_STATUSES, type DocumentListStatus } from '@lintas/contracts';

/**
 * A batch as the INSERT takes it (see `DocumentListsRepository.insertEntries`): the hashes side by
 * side, the statuses and sources named once, and per row a status index, a source index and a day.
 * Plain values, so that it crosses from the import's worker thread by structured clone (the
 * hashes' memory transferred, not copied).
 */
export type PackedEntryParameters = [hashes: Buffer, statuses: readonly string[], sources: readonly string[], statusIndexes: number[], sourceIndexes: number[], days: number[]];

/** Bytes of an HMAC-SHA-256. */
const HASH_BYTES = 32;
const DAY_MS = 86_400_000;

/**
 * A batch of hashed list entries kept as a few flat values instead of one object per row: the
 * hashes side by side in one buffer, status, source and date as small integers (a source text is
 * kept once however many rows name it). A batch lives across the await of its INSERT and the
 * parsing of the next rows, long enough for the garbage collector to promote what it holds; as
 * objects per row (entry, hash buffer, three strings) a million-row import promoted millions of
 * objects, after which every minor collection of the API paused it 40-80 ms until the next full
 * one. What is promoted now is a handful of objects per 5,000 rows.
 */
export class PackedEntryBatch {
  private readonly hashes: Buffer;
  private readonly statuses: number[] = [];
  private readonly sourceIndexes: number[] = [];
  private readonly days: number[] = [];
  private readonly sources: string[] = [];
  private readonly sourceIndex = new Map<string, number>();

  constructor(readonly capacity: number) {
    this.hashes = Buffer.allocUnsafe(capacity * HASH_BYTES);
  }

  get length(): number {
    return this.statuses.length;
  }

  get full(): boolean {
    return this.length === this.capacity;
  }

  /** `reportedAt`: YYYY-MM-DD (already validated) or null. */
  add(hash: Buffer, status: DocumentListStatus, source: string, reportedAt: string | null): void {
    if (this.full) throw new Error('PackedEntryBatch is full');
    if (hash.length !== HASH_BYTES) throw new Error(`a list entry's hash has ${HASH_BYTES} bytes, not ${hash.length}`);
    hash.copy(this.hashes, this.length * HASH_BYTES);
    this.statuses.push(DOCUMENT_LIST_STATUSES.indexOf(status));
    let index = this.sourceIndex.get(source);
    if (index === undefined) {
      index = this.sources.length;
      this.sources.push(source);
      this.sourceIndex.set(source, index);
    }
    this.sourceIndexes.push(index);
    this.days.push(reportedAt === null ? -1 : Date.parse(`${reportedAt}T00:00:00Z`) / DAY_MS);
  }

  /** The statement's parameters after the agency's: see `DocumentListsRepository.insertEntries`. */
  parameters(): PackedEntryParameters {
    return [this.hashes.subarray(0, this.length * HASH_BYTES), DOCUMENT_LIST_STATUSES, this.sources, this.statuses, this.sourceIndexes, this.days];
  }
}
