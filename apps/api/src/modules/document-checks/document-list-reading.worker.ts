import { parentPort } from 'node:worker_threads';
import { readDocumentList, type ListReadingOptions } from './document-list-reading';
import type { PackedEntryParameters } from './packed-entry-batch';
import type { FromListReader, ToListReader } from './document-list-reader';

/** Batches handed over and not yet written: the reader parses one batch ahead of the INSERTs, no more. */
const BATCHES_IN_FLIGHT = 2;

/**
 * The list import's worker thread (started by `DocumentListReader`): pulls the CSV from the API a
 * chunk at a time, reads it (`readDocumentList`) and hands back packed batches and the summary.
 */
export function runWorker(options: ListReadingOptions): void {
  const port = parentPort;
  if (!port) throw new Error('runWorker runs in a worker thread');
  const post = (message: FromListReader) => port.postMessage(message);
  const chunkWaiters: ((message: ToListReader) => void)[] = [];
  const storedWaiters: (() => void)[] = [];
  let inFlight = 0;
  port.on('message', (message: ToListReader) => {
    if (message.kind === 'stored') {
      inFlight -= 1;
      storedWaiters.shift()?.();
    } else {
      chunkWaiters.shift()?.(message);
    }
  });

  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const next = new Promise<ToListReader>((resolve) => chunkWaiters.push(resolve));
      post({ kind: 'more' });
      const message = await next;
      if (message.kind === 'chunk') yield message.bytes;
      else if (message.kind === 'abort') throw new Error(message.message);
      else return;
    }
  }
  const write = async (batch: PackedEntryParameters) => {
    while (inFlight >= BATCHES_IN_FLIGHT) await new Promise<void>((resolve) => storedWaiters.push(resolve));
    inFlight += 1;
    post({ kind: 'batch', batch });
  };

  readDocumentList(chunks(), options, write).then(
    (summary) => post({ kind: 'done', summary }),
    (error: unknown) => {
      const { code, lines } = (error ?? {}) as { code?: unknown; lines?: unknown };
      post({
        kind: 'failed',
        failure: { message: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : undefined, lines: typeof lines === 'number' ? lines : undefined },
      });
    },
  );
}
