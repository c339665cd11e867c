import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../common/module-worker';
import type { ListReadingOptions, ListReadingSummary } from './document-list-reading';
import type { PackedEntryParameters } from './packed-entry-batch';

/** From the API to the reading thread: the next chunk of the file (or its end, or the upload failed), and a batch written. */
export type ToListReader = { kind: 'chunk'; bytes: Uint8Array } | { kind: 'end' } | { kind: 'abort'; message: string } | { kind: 'stored' };
/** From the reading thread: send the next chunk, a batch to write, the summary, or why the file could not be read. */
export type FromListReader =
  | { kind: 'more' }
  | { kind: 'batch'; batch: PackedEntryParameters }
  | { kind: 'done'; summary: ListReadingSummary }
  | { kind: 'failed'; failure: { message: string; code?: string; lines?: number } };

type Outcome = Exclude<FromListReader, { kind: 'more' }>;

/**
 * The thread's heap: what it keeps is the contracts module and two batches; a small old generation
 * makes it collect its garbage early (in its own thread: the API does not pause for it) instead of
 * growing the process by a few hundred MiB over a large import.
 */
const READER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

/** Why the reader could not finish: csv-parse's `code` and `lines` for a file that is not CSV; none when the thread itself failed (or the upload did). */
export class ListReaderFailure extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly lines?: number,
  ) {
    super(message);
  }
}

/**
 * A list import's CSV read in a worker thread (`document-list-reading.worker.ts`): the API hands it
 * the upload a chunk at a time as the thread asks for it, and takes back packed batches to INSERT
 * and the summary. Parsing, checking and hashing a million rows is ~20 s of CPU and millions of
 * short-lived objects; in the API's own thread they delayed every request answered meanwhile, and
 * the garbage they left lengthened its collections for minutes after (issue 14's first round of
 * checks after an import). The thread's heap goes away with it.
 */
export class DocumentListReader {
  private readonly outcomes: Outcome[] = [];
  private waiting: ((outcome: Outcome) => void) | null = null;
  private finished = false;

  private constructor(
    private readonly worker: Worker,
    body: Readable,
  ) {
    const upload = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    worker.on('message', (message: FromListReader) => {
      if (message.kind !== 'more') return this.push(message);
      upload.next().then(
        (next) => this.send(next.done ? { kind: 'end' } : { kind: 'chunk', bytes: next.value }),
        (error: unknown) => this.send({ kind: 'abort', message: error instanceof Error ? error.message : String(error) }),
      );
    });
    worker.on('error', (error) => this.push({ kind: 'failed', failure: { message: error.message } }));
    worker.on('exit', (code) => this.push({ kind: 'failed', failure: { message: `the list reader stopped (exit code ${code})` } }));
  }

  static start(body: Readable, options: ListReadingOptions): DocumentListReader {
    return new DocumentListReader(startModuleWorker(join(__dirname, 'document-list-reading.worker'), options, READER_LIMITS), body);
  }

  /**
   * The batches to INSERT, in order, then the summary. The thread reads on while a batch is being
   * written and waits when it is two batches ahead. A CSV the parser refuses throws an error with
   * csv-parse's `code` and `lines`.
   */
  async *batches(): AsyncGenerator<PackedEntryParameters, ListReadingSummary, void> {
    for (;;) {
      const outcome = await this.next();
      if (outcome.kind === 'done') return outcome.summary;
      if (outcome.kind === 'failed') throw new ListReaderFailure(outcome.failure.message, outcome.failure.code, outcome.failure.lines);
      const [hashes, ...rest] = outcome.batch;
      // Structured clone hands a Buffer over as a plain Uint8Array: the same bytes as a Buffer again, for pg's bytea.
      yield [Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength), ...rest];
      this.send({ kind: 'stored' });
    }
  }

  /** Ends the thread (done, failed, or the import gave up). */
  async stop(): Promise<void> {
    this.finished = true;
    await this.worker.terminate();
  }

  private send(message: ToListReader): void {
    if (!this.finished) this.worker.postMessage(message);
  }

  private push(outcome: Outcome): void {
    if (this.finished) return;
    if (outcome.kind !== 'batch') this.finished = true;
    if (this.waiting) {
      const waiting = this.waiting;
      this.waiting = null;
      waiting(outcome);
    } else {
      this.outcomes.push(outcome);
    }
  }

  private next(): Promise<Outcome> {
    const queued = this.outcomes.shift();
    return queued ? Promise.resolve(queued) : new Promise((resolve) => (this.waiting = resolve));
  }
}
