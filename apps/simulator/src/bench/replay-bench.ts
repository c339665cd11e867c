import { Client } from 'pg';

/** The replay benchmark's operation: issue 16's size (the reduced bench in `npm test` asks for less). */
export const REPLAY_TEAMS = 500;
export const REPLAY_REPORTS = 10_000;
export const REPLAY_HOURS = 24;

export interface ReplaySize {
  teams: number;
  reports: number;
}
/** A position every 30 s. */
const POSITION_STEP_S = 30;

export interface LatencyRun {
  p50: number;
  p99: number;
  tries: number;
  /** Rows in one answer (reports + teams). */
  rows: number;
}

export interface ReplayRun {
  fill: { seconds: number; positions: number; events: number };
  /** `GET /operations/:id/snapshot?at=` at the middle of the operation. */
  stateAt: LatencyRun;
  /** The baseline: a plain SELECT of the same rows (reports and teams of the operation). */
  plainSelect: LatencyRun;
  /** For comparison: the live snapshot (`GET /operations/:id/snapshot`, no `at`) of the same operation. */
  liveSnapshot: LatencyRun;
  /** `GET /operations/:id/replay` for one hour around the moment. */
  window: LatencyRun;
  /** `GET /operations/:id/after-action-report`: seconds, median of the tries, and its size. */
  pdf: { seconds: number; tries: number[]; bytes: number };
}

/**
 * Fills an operation the API made (`operationId`, led by `agencyId`) with 24 hours of 500 teams
 * by default (a position every 30 s, 1.44 million rows) and 10,000 reports with their events, straight into
 * PostgreSQL: writing them through the API is the ingest benchmark's business, not this one's.
 */
export async function fillReplayOperation(databaseUrl: string, operationId: string, agencyId: string, authorUserId: string, end: Date, size: ReplaySize): Promise<ReplayRun['fill']> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const began = performance.now();
  const start = new Date(end.getTime() - REPLAY_HOURS * 3_600_000).toISOString();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO teams (operation_id, agency_id, call_sign, size, status, marking, created_at, updated_at)
       SELECT $1, $2, 'R-' || lpad(n::text, 4, '0'), 4, 'on_station', 'TLP:GREEN', $3, $3 FROM generate_series(1, $4) AS n`,
      [operationId, agencyId, start, size.teams],
    );
    await client.query(
      `INSERT INTO team_positions (team_id, operation_id, lat, lon, at)
       SELECT t.id, $1, 10.5 + (hashtext(t.id::text) % 1000) / 2000.0 + s * 0.00001, 105 + (hashtext(t.call_sign) % 1000) / 1000.0 + s * 0.00002,
              $2::timestamptz + s * interval '${POSITION_STEP_S} seconds'
         FROM teams t CROSS JOIN generate_series(0, $3) AS s
        WHERE t.operation_id = $1`,
      [operationId, start, (REPLAY_HOURS * 3600) / POSITION_STEP_S - 1],
    );
    await client.query(
      `INSERT INTO reports (client_id, operation_id, kind, title, narrative, lat, lon, occurred_at, received_at, origin_agency_id, author_user_id, marking, interception, updated_at, version)
       SELECT gen_random_uuid(), $1,
              CASE WHEN n % 10 = 0 THEN 'alert' WHEN n % 3 = 0 THEN 'interception' ELSE 'sitrep' END,
              'Replay bench report ' || n, 'A short situation report from the field, about the size of a real one.',
              10.5 + (n % 500) / 1000.0, 105 + (n % 700) / 700.0,
              $2::timestamptz + n * ($3::float8 / $4) * interval '1 second' - interval '2 minutes',
              $2::timestamptz + n * ($3::float8 / $4) * interval '1 second',
              $5, $6,
              CASE WHEN n % 10 < 7 THEN 'TLP:GREEN' WHEN n % 10 < 9 THEN 'TLP:AMBER' ELSE 'TLP:AMBER+STRICT' END,
              CASE WHEN n % 10 <> 0 AND n % 3 = 0 THEN jsonb_build_object('interceptionKind', 'smuggling', 'persons', 1 + n % 12, 'suspects', n % 2, 'presumedVictims', n % 3, 'minors', 0, 'nationalities', jsonb_build_array('KH'), 'documentsSeized', n % 4) END,
              $2::timestamptz + n * ($3::float8 / $4) * interval '1 second', 0
         FROM generate_series(1, $4) AS n`,
      [operationId, start, REPLAY_HOURS * 3600, size.reports, agencyId, authorUserId],
    );
    const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    // The log: a team.created per team at the start, then a report.created per report when received.
    const events = await client.query(
      `WITH base AS (SELECT last_seq FROM operations WHERE id = $1),
            items AS (
              SELECT 0 AS part, t.created_at AS at, t.call_sign AS key, 'team.created' AS type, t.marking,
                     jsonb_build_object('team', jsonb_build_object('id', t.id, 'operationId', t.operation_id, 'agency', jsonb_build_object('id', a.id, 'code', a.code, 'name', a.name),
                       'callSign', t.call_sign, 'size', t.size, 'status', t.status, 'siteId', null, 'members', '[]'::jsonb, 'marking', t.marking, 'recipientAgencyIds', '[]'::jsonb,
                       'lastPosition', null, 'stale', true, 'createdAt', ${iso('t.created_at')}, 'updatedAt', ${iso('t.updated_at')})) AS payload
                FROM teams t JOIN agencies a ON a.id = t.agency_id WHERE t.operation_id = $1
              UNION ALL
              SELECT 1, r.received_at, r.id::text, 'report.created', r.marking,
                     jsonb_build_object('report', jsonb_build_object('id', r.id, 'clientId', r.client_id, 'operationId', r.operation_id, 'kind', r.kind, 'status', r.status,
                       'title', r.title, 'narrative', r.narrative, 'lat', r.lat, 'lon', r.lon, 'siteId', null, 'occurredAt', ${iso('r.occurred_at')}, 'receivedAt', ${iso('r.received_at')},
                       'originAgency', jsonb_build_object('id', a.id, 'code', a.code, 'name', a.name), 'teamId', null, 'authorUserId', r.author_user_id, 'marking', r.marking,
                       'recipientAgencyIds', '[]'::jsonb, 'interception', r.interception, 'statusReason', null, 'statusBy', null, 'statusAt', null, 'updatedAt', ${iso('r.updated_at')}, 'version', 0))
                FROM reports r JOIN agencies a ON a.id = r.origin_agency_id WHERE r.operation_id = $1
            ),
            numbered AS (SELECT (SELECT last_seq FROM base) + row_number() OVER (ORDER BY part, at, key) AS seq, * FROM items)
       INSERT INTO operation_events (operation_id, seq, type, at, marking, origin_agency_id, recipient_agency_ids, payload)
       SELECT $1, seq, type, at, marking, $2, '{}', payload FROM numbered`,
      [operationId, agencyId],
    );
    await client.query('UPDATE operations SET last_seq = (SELECT max(seq) FROM operation_events WHERE operation_id = $1), starts_at = $2 WHERE id = $1', [operationId, start]);
    await client.query('COMMIT');
    await client.query('ANALYZE team_positions; ANALYZE operation_events; ANALYZE reports; ANALYZE teams');
    return { seconds: (performance.now() - began) / 1000, positions: size.teams * ((REPLAY_HOURS * 3600) / POSITION_STEP_S), events: events.rowCount ?? 0 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Times `run` `tries` times after `warmup` untimed runs; answers p50, p99 in ms. */
async function measure(tries: number, warmup: number, run: () => Promise<number>): Promise<LatencyRun> {
  let rows = 0;
  for (let i = 0; i < warmup; i++) rows = await run();
  const times: number[] = [];
  for (let i = 0; i < tries; i++) {
    const began = performance.now();
    rows = await run();
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] * 10) / 10;
  return { p50: at(0.5), p99: at(0.99), tries, rows };
}

export async function measureReplay(baseUrl: string, databaseUrl: string, token: string, operationId: string, end: Date, options: { tries: number; pdfTries: number; log(line: string): void }): Promise<Omit<ReplayRun, 'fill'>> {
  const moment = new Date(end.getTime() - (REPLAY_HOURS / 2) * 3_600_000).toISOString();
  const headers = { authorization: `Bearer ${token}` };
  const getJson = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers });
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { reports?: unknown[]; teams?: unknown[]; events?: unknown[]; tracks?: unknown[] };
  };
  const stateAt = await measure(options.tries, 3, async () => {
    const body = await getJson(`/api/operations/${operationId}/snapshot?at=${encodeURIComponent(moment)}`);
    return (body.reports?.length ?? 0) + (body.teams?.length ?? 0);
  });
  options.log(`  state at T (HTTP, ${stateAt.rows} rows): p50 ${stateAt.p50} ms, p99 ${stateAt.p99} ms`);
  const liveSnapshot = await measure(options.tries, 3, async () => {
    const body = await getJson(`/api/operations/${operationId}/snapshot`);
    return (body.reports?.length ?? 0) + (body.teams?.length ?? 0);
  });
  options.log(`  live snapshot (HTTP, ${liveSnapshot.rows} rows): p50 ${liveSnapshot.p50} ms, p99 ${liveSnapshot.p99} ms`);

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let plainSelect: LatencyRun;
  try {
    plainSelect = await measure(options.tries, 3, async () => {
      const reports = await client.query('SELECT * FROM reports WHERE operation_id = $1 AND received_at <= $2 ORDER BY received_at DESC LIMIT 5000', [operationId, moment]);
      const teams = await client.query('SELECT * FROM teams WHERE operation_id = $1', [operationId]);
      return (reports.rowCount ?? 0) + (teams.rowCount ?? 0);
    });
  } finally {
    await client.end();
  }
  options.log(`  plain SELECT of the same rows (pg, ${plainSelect.rows} rows): p50 ${plainSelect.p50} ms, p99 ${plainSelect.p99} ms`);

  const from = new Date(Date.parse(moment) - 3_600_000).toISOString();
  const window = await measure(Math.max(5, Math.round(options.tries / 2)), 1, async () => {
    const body = await getJson(`/api/operations/${operationId}/replay?from=${encodeURIComponent(from)}&to=${encodeURIComponent(moment)}&points=120`);
    return (body.events?.length ?? 0) + (body.tracks?.length ?? 0);
  });
  options.log(`  replay window of one hour (events + tracks ${window.rows}): p50 ${window.p50} ms, p99 ${window.p99} ms`);

  const pdfTimes: number[] = [];
  let bytes = 0;
  for (let i = 0; i < options.pdfTries; i++) {
    const began = performance.now();
    const response = await fetch(`${baseUrl}/api/operations/${operationId}/after-action-report`, { headers });
    if (!response.ok) throw new Error(`after-action-report answered ${response.status}: ${await response.text()}`);
    bytes = (await response.arrayBuffer()).byteLength;
    pdfTimes.push((performance.now() - began) / 1000);
    options.log(`  after-action report PDF: ${pdfTimes.at(-1)!.toFixed(1)} s, ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
  }
  pdfTimes.sort((a, b) => a - b);
  return { stateAt, plainSelect, liveSnapshot, window, pdf: { seconds: pdfTimes[Math.floor(pdfTimes.length / 2)], tries: pdfTimes, bytes } };
}
