import { Readable } from 'node:stream';
import { DOCUMENT_LIST_HEADER } from '@lintas/contracts';
import { documentHash } from './document-hash';
import { DocumentListReader } from './document-list-reader';
import type { PackedEntryParameters } from './packed-entry-batch';

const SECRET = 'reader-spec-secret';
const header = DOCUMENT_LIST_HEADER.join(',');

/** Reads `csv` (split into small chunks, as an upload arrives) through the worker thread. */
async function read(csv: string, batchSize = 2) {
  const bytes = Buffer.from(csv);
  const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, index) => bytes.subarray(index * 7, index * 7 + 7));
  const reader = DocumentListReader.start(Readable.from(chunks), { secret: SECRET, batchSize, rejectedShown: 10 });
  const batches: PackedEntryParameters[] = [];
  try {
    const iterator = reader.batches();
    let next = await iterator.next();
    while (!next.done) {
      batches.push(next.value);
      next = await iterator.next();
    }
    return { batches, summary: next.value };
  } finally {
    await reader.stop();
  }
}

describe('DocumentListReader (the list import read in a worker thread)', () => {
  it('hands back the rows hashed as the checks hash them, in batches, and the summary', async () => {
    const csv = [header, 'khm,P,n0000001,stolen,KH list,2026-01-02', 'THA,passport,AA1,lost,TH list,', 'VNM,id_card,B2,revoked,VN list,2026-03-04'].join('\n');
    const { batches, summary } = await read(csv);
    expect(summary).toMatchObject({ header: true, rowsRead: 3, rowsAccepted: 3, rejectedCount: 0, rejected: [] });
    expect(summary.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(batches.map((batch) => batch[3].length)).toEqual([2, 1]);
    expect(Buffer.isBuffer(batches[0][0])).toBe(true);
    expect(batches[0][0].subarray(0, 32).equals(documentHash(SECRET, 'KHM', 'passport', 'N0000001'))).toBe(true);
    expect(batches[1][0].equals(documentHash(SECRET, 'VNM', 'id_card', 'B2'))).toBe(true);
    expect(batches[1][2]).toEqual(['VN list']);
  });

  it('names every bad row by its line and writes nothing after the first', async () => {
    const csv = [header, 'KHM,passport,N1,lost,src,', 'KHM,passport,N2,missing,src,', 'KHM,passport,N3,lost,src,', 'KHM,passport,N4,lost,src,2026-02-30'].join('\n');
    const { batches, summary } = await read(csv, 1);
    expect(summary).toMatchObject({ rowsRead: 4, rowsAccepted: 2, rejectedCount: 2 });
    expect(summary.rejected.map((row) => row.line)).toEqual([3, 5]);
    expect(batches).toHaveLength(1);
  });

  it('stops at a wrong header', async () => {
    const { batches, summary } = await read('number,country\nN1,KHM\n');
    expect(summary.header).toBe(false);
    expect(batches).toHaveLength(0);
  });

  it('throws csv-parse’s error, with its code and line, for a file that is not CSV', async () => {
    await expect(read(`${header}\nKHM,passport,"N1,lost,src,\n`)).rejects.toMatchObject({ code: expect.stringMatching(/^CSV_/), lines: expect.any(Number) });
  });

  it('refuses a record too long to be a row by its line, before it can fill the thread’s memory', async () => {
    await expect(read(`${header}\nKHM,passport,N1,lost,src,\nKHM,passport,N2,lost,${'x'.repeat(10_000)},\n`)).rejects.toMatchObject({ code: 'CSV_MAX_RECORD_SIZE', lines: 3 });
  });

  it('fails when the upload fails', async () => {
    const body = Readable.from(
      (async function* broken() {
        yield Buffer.from(`${header}\n`);
        throw new Error('connection reset by the client');
      })(),
    );
    const reader = DocumentListReader.start(body, { secret: SECRET, batchSize: 2, rejectedShown: 10 });
    try {
      await expect(reader.batches().next()).rejects.toThrow('connection reset by the client');
    } finally {
      await reader.stop();
    }
  });
});
