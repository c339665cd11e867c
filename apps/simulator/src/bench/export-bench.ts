import { Client } from 'pg';
import { rssBytes } from './process-stats';

export interface ExportRun {
  format: string;
  /** Seconds until the last byte (or row) was in hand. */
  seconds: number;
  rows: number;
  bytes: number;
  /** Peak growth of the resident set of the process that held the data (the API, or this client), over its size before. */
  peakMemoryGrowthBytes: number;
}

/**
 * Fills an operation with `count` reports straight through SQL (the API writes ~100 reports a
 * second into one operation: 100,000 through it would take a quarter of an hour), of every marking
 * and kind, originated by the commander's agency so that the commander's export holds them all.
 */
export async function fillReports(databaseUrl: string, operationId: string, commanderEmail: string, count: number): Promise<{ seconds: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const began = performance.now();
  try {
    await client.query(
      `INSERT INTO reports (client_id, operation_id, kind, title, narrative, lat, lon, occurred_at, origin_agency_id, author_user_id, marking, recipient_agency_ids, version)
       SELECT gen_random_uuid(), $1, (ARRAY['interception','sitrep','alert'])[1 + i % 3],
              'Bench report ' || i || ' — ក្រុមល្បាត', 'Load test: a narrative about the size of a real one, with a comma, "quotes" and =formula-like text.',
              6.5 + (i % 1000) * 0.0001, 100.4 + (i % 997) * 0.0001, now() - i * interval '1 second', u.agency_id, u.id,
              (ARRAY['TLP:CLEAR','TLP:GREEN','TLP:AMBER','TLP:AMBER+STRICT'])[1 + i % 4], '{}', 0
         FROM generate_series(1, $2::int) AS i, users u WHERE u.email = $3`,
      [operationId, count, commanderEmail],
    );
  } finally {
    await client.end();
  }
  return { seconds: (performance.now() - began) / 1000 };
}

/** Samples a process's resident set every 20 ms until stopped; answers the peak growth over the first sample. */
function memoryWatch(pid: number): { stop: () => number } {
  const start = rssBytes(pid);
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid));
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssBytes(pid)) - start;
    },
  };
}

/** Lintas: the export endpoint, read to its last byte; the API process's memory watched meanwhile. */
export async function exportThroughApi(baseUrl: string, token: string, operationId: string, format: 'csv' | 'geojson', apiPid: number): Promise<ExportRun> {
  const watch = memoryWatch(apiPid);
  const began = performance.now();
  const response = await fetch(`${baseUrl}/api/operations/${operationId}/export?format=${format}&layers=reports,alerts`, {
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' },
  });
  if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
  let bytes = 0;
  let lines = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines++;
  }
  const seconds = (performance.now() - began) / 1000;
  // CSV: a banner row and a header before the reports (CRLF rows); GeoJSON: one feature a line, after the collection's head.
  return { format, seconds, rows: format === 'csv' ? lines - 2 : lines - 2, bytes, peakMemoryGrowthBytes: watch.stop() };
}

/** The baseline: a plain `SELECT` of the operation's reports with pg, every row in hand; this process's memory watched meanwhile. */
export async function selectThroughPg(databaseUrl: string, operationId: string): Promise<ExportRun> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    global.gc?.();
    const watch = memoryWatch(process.pid);
    const began = performance.now();
    const result = await client.query<Record<string, unknown>>('SELECT * FROM reports WHERE operation_id = $1 ORDER BY received_at DESC, id DESC', [operationId]);
    const seconds = (performance.now() - began) / 1000;
    const bytes = result.rows.reduce<number>((sum, row) => sum + String(row.title).length + String(row.narrative).length, 0);
    return { format: 'SELECT', seconds, rows: result.rowCount ?? result.rows.length, bytes, peakMemoryGrowthBytes: watch.stop() };
  } finally {
    await client.end();
  }
}
