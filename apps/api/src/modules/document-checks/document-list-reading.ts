import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { isDocumentListHeader, readDocumentListRow, type DocumentListRejectedRow } from '@lintas/contracts';
import { parse } from 'csv-parse';
import { documentHash } from './document-hash';
import { PackedEntryBatch, type PackedEntryParameters } from './packed-entry-batch';

/** Characters of one CSV record: six cells of which the longest, the source, is at most 200. */
const MAX_RECORD_CHARACTERS = 4_096;

export interface ListReadingOptions {
  /** DOCUMENT_HASH_SECRET: the rows are hashed as the checks are. */
  secret: string;
  /** Rows per batch handed to `write`. */
  batchSize: number;
  /** Rejected rows listed in the summary (all of them are counted). */
  rejectedShown: number;
}

export interface ListReadingSummary {
  /** False when the first line is not the header: nothing else was read. */
  header: boolean;
  rowsRead: number;
  rowsAccepted: number;
  rejectedCount: number;
  rejected: DocumentListRejectedRow[];
  /** SHA-256 of the file as received: the same file again is a no-op. */
  fileSha256: string;
}

/**
 * Reads a stolen and lost documents list (CSV) as it arrives: each row checked, hashed and packed,
 * the batches handed to `write` one after the other (the next rows are parsed while the caller
 * writes). Once a row is refused the file will be too: nothing more is written, the rest is read
 * for the report. Runs in the import's worker thread (`document-list-reader.ts`), so that the
 * per-row strings, arrays and hashes of a million rows never enter the API's heap; a failure of
 * the CSV itself (an unclosed quote…) rejects with csv-parse's error (`code` CSV_…, `lines`).
 */
export async function readDocumentList(
  chunks: AsyncIterable<Uint8Array>,
  options: ListReadingOptions,
  write: (batch: PackedEntryParameters) => Promise<void>,
): Promise<ListReadingSummary> {
  const fileHash = createHash('sha256');
  const source = Readable.from(
    (async function* hashed() {
      for await (const chunk of chunks) {
        fileHash.update(chunk);
        yield chunk;
      }
    })(),
    { objectMode: false },
  );
  const parser = source.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // A row is six short cells: a longer record is refused by its line (CSV_MAX_RECORD_SIZE) long
      // before it could fill the reading thread's heap.
      max_record_size: MAX_RECORD_CHARACTERS,
      // Each record carries its line number as a last cell (cheaper than csv-parse's `info` object per row).
      on_record: (record: string[], context: { lines: number }) => {
        record.push(String(context.lines));
        return record;
      },
    }),
  );
  source.on('error', (error) => parser.destroy(error));

  const summary: ListReadingSummary = { header: false, rowsRead: 0, rowsAccepted: 0, rejectedCount: 0, rejected: [], fileSha256: '' };
  let batch = new PackedEntryBatch(options.batchSize);
  let first = true;
  for await (const record of parser as AsyncIterable<string[]>) {
    const line = Number(record.pop());
    if (first) {
      first = false;
      summary.header = isDocumentListHeader(record);
      if (!summary.header) {
        source.destroy();
        return summary;
      }
      continue;
    }
    summary.rowsRead += 1;
    const reading = readDocumentListRow(record);
    if (!reading.ok) {
      summary.rejectedCount += 1;
      if (summary.rejected.length < options.rejectedShown) summary.rejected.push({ line, message: reading.message });
      continue;
    }
    summary.rowsAccepted += 1;
    if (summary.rejectedCount > 0) continue;
    const { row } = reading;
    batch.add(documentHash(options.secret, row.issuingCountry, row.documentType, row.documentNumber), row.status, row.source, row.reportedAt);
    if (batch.full) {
      await write(batch.parameters());
      batch = new PackedEntryBatch(options.batchSize);
    }
  }
  if (summary.rejectedCount === 0 && batch.length > 0) await write(batch.parameters());
  summary.fileSha256 = fileHash.digest('hex');
  return summary;
}
