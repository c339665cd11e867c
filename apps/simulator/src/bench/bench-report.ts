import { cpus, loadavg, totalmem } from 'node:os';
import type { CatchUpRun } from './catch-up-bench';
import type { FanoutOpen, FanoutRun } from './fanout-bench';
import type { CotRun } from './cot-bench';
import type { ExportRun } from './export-bench';
import { crossP99, medianExtraDegradation, medianOf, medianRatio, p99, type FanoutRounds } from './fanout-rounds';
import type { IngestRun } from './ingest-bench';
import type { ReplayRun } from './replay-bench';

export interface BenchParams {
  sockets: number;
  workers: number;
  rate: number;
  durationS: number;
  reportShare: number;
  sweep: boolean;
  /** The sweep's first rate: it doubles from there while p99 holds, then narrows the gap to the first failure. */
  sweepStartRate: number;
  sweepReportShare: number;
  ingestDurationS: number;
  ingestBatch: number;
  ingestClients: number;
  catchUpEvents: number;
  /** Reports of the operation the export phase exports. */
  exportReports: number;
  /** TAK devices of the CoT phase, each on its own connection, and how long they send. */
  cotDevices: number;
  cotDurationS: number;
  /** Size of the replay phase's 24-hour operation. */
  replayTeams: number;
  replayReports: number;
  phases: readonly string[];
  neighbour: boolean;
  instances: number;
  rounds: number;
}

export interface BenchResults {
  params: BenchParams;
  startedAt: string;
  machine: {
    cores: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    postgres: string;
    socketIo: string;
    database: string;
    /** 1-minute load average at the start and at the end: other work on the machine skews every figure. */
    load: { start: number; end: number | null };
  };
  /** Null for a phase left out with `--phases`. */
  /** `lintas` and `baseline` are the rounds' median runs (by p99); `rounds` holds every measure. */
  fanout: {
    lintas: FanoutRun;
    baseline: FanoutRun;
    lintasOpen: FanoutOpen;
    baselineOpen: FanoutOpen;
    rounds: FanoutRounds;
    clusterOpen: FanoutOpen | null;
    instances: number;
  } | null;
  sweep: { lintas: { steps: FanoutRun[]; highest: FanoutRun | null }; baseline: { steps: FanoutRun[]; highest: FanoutRun | null } } | null;
  ingest: { lintas: IngestRun; baseline: IngestRun } | null;
  /** `lintas`: in pages, as the dashboard subscribes; `single`: one packet per event, as clients that do not ask for pages get it. */
  catchUp: { lintas: CatchUpRun; single: CatchUpRun; baseline: CatchUpRun; fill: { seconds: number; perSecond: number } } | null;
  exports: { csv: ExportRun; geojson: ExportRun; select: ExportRun } | null;
  cot: { lintas: CotRun; baseline: CotRun } | null;
  /** Issue 16: the state at a moment of a 24-hour, 500-team, 10,000-report operation, and its PDF. */
  replay?: ReplayRun | null;
}

export interface Check {
  name: string;
  target: string;
  value: string;
  met: boolean;
}

export function machineInfo(postgres: string, socketIo: string, database: string): BenchResults['machine'] {
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres,
    socketIo,
    database,
    load: { start: Math.round(loadavg()[0] * 100) / 100, end: null },
  };
}

export function loadNow(): number {
  return Math.round(loadavg()[0] * 100) / 100;
}

const ms = (value: number) => (Number.isFinite(value) ? `${value} ms` : '—');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const int = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-GB') : '—');
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');
const kib = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KiB` : '—');

/** The targets of issue 7, checked against this run. */
export function checks(results: BenchResults): Check[] {
  const { fanout, ingest, catchUp, sweep, params } = results;
  const list: Check[] = [];
  if (fanout) {
    list.push(
      {
        name: `fan-out p99 at ${params.sockets} sockets × ${params.rate} events/s`,
        target: '≤ 100 ms',
        value: ms(fanout.lintas.deliveries.latency.p99),
        met: fanout.lintas.deliveries.latency.p99 <= 100,
      },
      {
        name: 'fan-out p99, Lintas ÷ bare Socket.IO',
        target: '≤ 2×',
        value: ratio(fanout.lintas.deliveries.latency.p99, fanout.baseline.deliveries.latency.p99),
        met: fanout.lintas.deliveries.latency.p99 <= 2 * fanout.baseline.deliveries.latency.p99,
      },
    );
  }
  if (fanout && fanout.rounds.lintasBusy.length) {
    const { rounds } = fanout;
    const busyRatio = medianRatio(rounds.lintasBusy, rounds.baselineBusy, p99);
    const degradation = medianRatio(rounds.lintasBusy, rounds.lintas, p99);
    list.push(
      { name: 'fan-out p99 with a busy neighbour, Lintas ÷ bare Socket.IO (median of rounds)', target: '≤ 3×', value: times(busyRatio), met: busyRatio <= 3 },
      { name: 'fan-out p99, Lintas with a busy neighbour ÷ Lintas quiet (median of rounds)', target: '≤ 1.5×', value: times(degradation), met: degradation <= 1.5 },
    );
  }
  if (sweep) {
    const lintas = sweep.lintas.highest ? sweep.lintas.highest.rate : 0;
    const baseline = sweep.baseline.highest ? sweep.baseline.highest.rate : 0;
    list.push({
      name: 'highest sustainable delivery rate, Lintas ÷ baseline',
      target: '≥ 0.5',
      value: baseline ? (lintas / baseline).toFixed(2) : '—',
      met: baseline > 0 && lintas / baseline >= 0.5,
    });
  }
  if (ingest) {
    list.push({ name: 'ingest, positions stored per second', target: '≥ 5,000/s', value: `${int(ingest.lintas.perSecond)}/s`, met: ingest.lintas.perSecond >= 5000 });
  }
  if (catchUp) {
    list.push({
      name: `catch-up of ${int(catchUp.lintas.events)} missed events`,
      target: '< 1 s',
      value: `${catchUp.lintas.seconds.toFixed(3)} s`,
      met: catchUp.lintas.seconds < 1,
    }, {
      name: 'catch-up in pages ÷ plain SELECT',
      target: '≤ 2×',
      value: ratio(catchUp.lintas.seconds, catchUp.baseline.seconds),
      met: catchUp.lintas.seconds <= 2 * catchUp.baseline.seconds,
    });
  }
  return list;
}

const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(1)} MB` : '—');

export function resultTable(results: BenchResults): string {
  const { fanout, ingest, catchUp, sweep, params, exports, cot } = results;
  const rows: string[][] = [['measure', 'Lintas', 'baseline', 'Lintas ÷ baseline']];
  if (fanout) {
    const l = fanout.lintas.deliveries;
    const b = fanout.baseline.deliveries;
    rows.push(
      [`fan-out p50, ${params.sockets} sockets × ${params.rate}/s`, ms(l.latency.p50), ms(b.latency.p50), ratio(l.latency.p50, b.latency.p50)],
      ['fan-out p95', ms(l.latency.p95), ms(b.latency.p95), ratio(l.latency.p95, b.latency.p95)],
      ['fan-out p99', ms(l.latency.p99), ms(b.latency.p99), ratio(l.latency.p99, b.latency.p99)],
      ['  reports only: p50 / p99', `${ms(l.reportLatency.p50)} / ${ms(l.reportLatency.p99)}`, `${ms(b.reportLatency.p50)} / ${ms(b.reportLatency.p99)}`, ratio(l.reportLatency.p99, b.reportLatency.p99)],
      ['  positions only: p50 / p99', `${ms(l.positionLatency.p50)} / ${ms(l.positionLatency.p99)}`, `${ms(b.positionLatency.p50)} / ${ms(b.positionLatency.p99)}`, ratio(l.positionLatency.p99, b.positionLatency.p99)],
      ['  report post → stored ack: p50 / p99', `${ms(fanout.lintas.sent.reportAck.p50)} / ${ms(fanout.lintas.sent.reportAck.p99)}`, `${ms(fanout.baseline.sent.reportAck.p50)} / ${ms(fanout.baseline.sent.reportAck.p99)}`, ratio(fanout.lintas.sent.reportAck.p99, fanout.baseline.sent.reportAck.p99)],
      ['deliveries measured', int(l.latency.count), int(b.latency.count), ''],
      ['report deliveries received / expected', `${int(l.reports)} / ${int(fanout.lintas.expectedReportDeliveries)}`, `${int(b.reports)} / ${int(fanout.baseline.expectedReportDeliveries)}`, ''],
      ['posts refused or unacknowledged', int(fanout.lintas.sent.refused), int(fanout.baseline.sent.refused), ''],
      ['server CPU during fan-out (1 = one core)', fanout.lintas.serverCpu.toFixed(2), fanout.baseline.serverCpu.toFixed(2), ratio(fanout.lintas.serverCpu, fanout.baseline.serverCpu)],
      ['server CPU per 1,000 deliveries', `${fanout.lintas.serverCpuMsPer1000.toFixed(1)} ms`, `${fanout.baseline.serverCpuMsPer1000.toFixed(1)} ms`, ratio(fanout.lintas.serverCpuMsPer1000, fanout.baseline.serverCpuMsPer1000)],
      ['dashboard-client processes CPU (all together)', fanout.lintas.clientCpu.toFixed(2), fanout.baseline.clientCpu.toFixed(2), ''],
      ['server memory per connected socket', kib(fanout.lintasOpen.memoryPerSocket), kib(fanout.baselineOpen.memoryPerSocket), ratio(fanout.lintasOpen.memoryPerSocket, fanout.baselineOpen.memoryPerSocket)],
    );
    if (sweep) {
      const lh = sweep.lintas.highest;
      const bh = sweep.baseline.highest;
      rows.push([
        'highest rate with p99 ≤ 100 ms (events/s → deliveries/s)',
        lh ? `${int(lh.rate)} → ${int(lh.rate * fanout.lintasOpen.session.connected)}` : 'none',
        bh ? `${int(bh.rate)} → ${int(bh.rate * fanout.baselineOpen.session.connected)}` : 'none',
        lh && bh ? ratio(lh.rate, bh.rate) : '—',
      ]);
    }
  }
  if (ingest) {
    rows.push([
      `ingest, positions/s (batches of ${params.ingestBatch}, ${params.ingestClients} writers)`,
      int(ingest.lintas.perSecond),
      int(ingest.baseline.perSecond),
      ratio(ingest.lintas.perSecond, ingest.baseline.perSecond),
    ]);
  }
  if (catchUp) {
    rows.push(
      [
        `catch-up of ${int(catchUp.baseline.events)} events, in pages (median of ${catchUp.lintas.tries.length})`,
        `${catchUp.lintas.seconds.toFixed(3)} s`,
        `${catchUp.baseline.seconds.toFixed(3)} s`,
        ratio(catchUp.lintas.seconds, catchUp.baseline.seconds),
      ],
      ['  the same, one packet per event (clients without pages)', `${catchUp.single.seconds.toFixed(3)} s`, `${catchUp.baseline.seconds.toFixed(3)} s`, ratio(catchUp.single.seconds, catchUp.baseline.seconds)],
    );
  }
  if (exports) {
    const { csv, geojson, select } = exports;
    rows.push(
      [`export of ${int(csv.rows)} reports, CSV: time (vs plain SELECT)`, `${csv.seconds.toFixed(2)} s`, `${select.seconds.toFixed(2)} s`, ratio(csv.seconds, select.seconds)],
      ['  GeoJSON: time', `${geojson.seconds.toFixed(2)} s`, `${select.seconds.toFixed(2)} s`, ratio(geojson.seconds, select.seconds)],
      ['  peak memory growth (API streaming CSV / GeoJSON vs client holding the SELECT)', `${mb(csv.peakMemoryGrowthBytes)} / ${mb(geojson.peakMemoryGrowthBytes)}`, mb(select.peakMemoryGrowthBytes), ratio(Math.max(csv.peakMemoryGrowthBytes, geojson.peakMemoryGrowthBytes), select.peakMemoryGrowthBytes)],
      ['  file size CSV / GeoJSON', `${mb(csv.bytes)} / ${mb(geojson.bytes)}`, '', ''],
    );
  }
  if (cot) {
    rows.push([
      `CoT positions stored/s, ${cot.lintas.devices} devices at ${int(cot.lintas.offeredPerSecond)}/s offered (vs single-row INSERTs)`,
      `${int(cot.lintas.perSecond)} (${int(cot.lintas.stored)} of ${int(cot.lintas.sent)})`,
      `${int(cot.baseline.perSecond)} (${int(cot.baseline.stored)} of ${int(cot.baseline.sent)})`,
      ratio(cot.lintas.perSecond, cot.baseline.perSecond),
    ]);
    rows.push(['  API CPU during CoT ingest (1 = one core)', cot.lintas.cpu.toFixed(2), '', '']);
  }
  const replay = results.replay;
  if (replay) {
    rows.push(
      [`state at T (snapshot?at=), ${int(replay.stateAt.rows)} rows: p50`, ms(replay.stateAt.p50), ms(replay.plainSelect.p50), ratio(replay.stateAt.p50, replay.plainSelect.p50)],
      ['state at T: p99 (baseline: plain SELECT of the same rows)', ms(replay.stateAt.p99), ms(replay.plainSelect.p99), ratio(replay.stateAt.p99, replay.plainSelect.p99)],
      ['  for comparison: the live snapshot (no `at`): p50 / p99', `${ms(replay.liveSnapshot.p50)} / ${ms(replay.liveSnapshot.p99)}`, '', ''],
      ['replay window of one hour: p50 / p99', `${ms(replay.window.p50)} / ${ms(replay.window.p99)}`, '', ''],
      [`after-action report PDF (${(replay.pdf.bytes / 1024 / 1024).toFixed(1)} MiB)`, `${replay.pdf.seconds.toFixed(1)} s`, '', ''],
    );
  }
  return markdownTable(rows);
}

export function sweepTable(steps: { name: string; runs: FanoutRun[] }[]): string {
  const rows = [['system', 'events/s', 'p50', 'p95', 'p99', 'report deliveries', 'refused', 'server CPU', 'clients CPU']];
  for (const { name, runs } of steps) {
    for (const run of runs) {
      const l = run.deliveries.latency;
      rows.push([name, int(run.rate), ms(l.p50), ms(l.p95), ms(l.p99), `${int(run.deliveries.reports)} / ${int(run.expectedReportDeliveries)}`, int(run.sent.refused), run.serverCpu.toFixed(2), run.clientCpu.toFixed(2)]);
    }
  }
  return markdownTable(rows);
}

export function markdownTable(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

export function checksTable(list: Check[]): string {
  return markdownTable([['target', 'required', 'this run', ''], ...list.map((check) => [check.name, check.target, check.value, check.met ? 'met' : 'MISSED'])]);
}

/**
 * Quiet against busy (`--neighbour`): per condition the median p99 of the rounds for Lintas and the
 * bare server, and the median of the per-round ratios (each ratio's two runs were measured back to back).
 */
export function neighbourTable(results: BenchResults): string | null {
  const fanout = results.fanout;
  if (!fanout || !fanout.rounds.lintasBusy.length) return null;
  const { rounds } = fanout;
  const ackP99 = (run: FanoutRun) => run.sent.reportAck.p99;
  const p50 = (run: FanoutRun) => run.deliveries.latency.p50;
  const cpuPair = (lintas: FanoutRun[], bare: FanoutRun[]) => `${medianOf(lintas, (run) => run.serverCpuMsPer1000).toFixed(1)} / ${medianOf(bare, (run) => run.serverCpuMsPer1000).toFixed(1)} ms`;
  const rows = [['condition', 'Lintas p50 / p99', 'bare p50 / p99', 'p99 Lintas ÷ bare', 'Lintas report stored-ack p99', 'server CPU per 1,000 deliveries, Lintas / bare', 'neighbour CPU']];
  rows.push(
    ['quiet', `${ms(medianOf(rounds.lintas, p50))} / ${ms(medianOf(rounds.lintas, p99))}`, `${ms(medianOf(rounds.baseline, p50))} / ${ms(medianOf(rounds.baseline, p99))}`, times(medianRatio(rounds.lintas, rounds.baseline, p99)), ms(medianOf(rounds.lintas, ackP99)), cpuPair(rounds.lintas, rounds.baseline), '—'],
    [
      'busy neighbour on one core',
      `${ms(medianOf(rounds.lintasBusy, p50))} / ${ms(medianOf(rounds.lintasBusy, p99))}`,
      `${ms(medianOf(rounds.baselineBusy, p50))} / ${ms(medianOf(rounds.baselineBusy, p99))}`,
      times(medianRatio(rounds.lintasBusy, rounds.baselineBusy, p99)),
      ms(medianOf(rounds.lintasBusy, ackP99)),
      cpuPair(rounds.lintasBusy, rounds.baselineBusy),
      medianOf([...rounds.lintasBusy, ...rounds.baselineBusy], (run) => run.neighbourCpu ?? NaN).toFixed(2),
    ],
    [
      'busy ÷ quiet',
      times(medianRatio(rounds.lintasBusy, rounds.lintas, p99)),
      times(medianRatio(rounds.baselineBusy, rounds.baseline, p99)),
      // Lintas's loss beyond what the same machine takes from a server with no work at all.
      `${times(medianExtraDegradation(rounds, p99))} (Lintas's ÷ bare's)`,
      times(medianRatio(rounds.lintasBusy, rounds.lintas, ackP99)),
      '',
      '',
    ],
  );
  return markdownTable(rows);
}

/**
 * One instance against several joined through Redis (`--instances`): the same sockets and rate,
 * the cluster's sockets and writers split between its instances. Cross-instance deliveries are those
 * of events posted through another instance than the receiving socket's.
 */
export function instancesTable(results: BenchResults): string | null {
  const fanout = results.fanout;
  if (!fanout || !fanout.rounds.cluster.length) return null;
  const { rounds } = fanout;
  const n = fanout.instances;
  const p50 = (run: FanoutRun) => run.deliveries.latency.p50;
  const crossP50 = (run: FanoutRun) => run.deliveries.crossLatency.p50;
  const reportP99 = (run: FanoutRun) => run.deliveries.reportLatency.p99;
  const ackP99 = (run: FanoutRun) => run.sent.reportAck.p99;
  const rows = [['measure (median of rounds)', 'one instance', `${n} instances`, `${n} ÷ one`]];
  rows.push(
    ['fan-out p50 / p99, all deliveries', `${ms(medianOf(rounds.lintas, p50))} / ${ms(medianOf(rounds.lintas, p99))}`, `${ms(medianOf(rounds.cluster, p50))} / ${ms(medianOf(rounds.cluster, p99))}`, times(medianRatio(rounds.cluster, rounds.lintas, p99))],
    ['cross-instance deliveries p50 / p99', '—', `${ms(medianOf(rounds.cluster, crossP50))} / ${ms(medianOf(rounds.cluster, crossP99))}`, times(medianRatio(rounds.cluster, rounds.lintas, crossP99, p99))],
    ['reports p99', ms(medianOf(rounds.lintas, reportP99)), ms(medianOf(rounds.cluster, reportP99)), times(medianRatio(rounds.cluster, rounds.lintas, reportP99))],
    ['report post → stored ack p99', ms(medianOf(rounds.lintas, ackP99)), ms(medianOf(rounds.cluster, ackP99)), times(medianRatio(rounds.cluster, rounds.lintas, ackP99))],
    ['cross-instance share of deliveries', '—', `${Math.round(medianOf(rounds.cluster, (run) => run.deliveries.crossLatency.count / run.deliveries.latency.count) * 100)} %`, ''],
    ['report deliveries received / expected (all rounds)', `${int(sum(rounds.lintas, (run) => run.deliveries.reports))} / ${int(sum(rounds.lintas, (run) => run.expectedReportDeliveries))}`, `${int(sum(rounds.cluster, (run) => run.deliveries.reports))} / ${int(sum(rounds.cluster, (run) => run.expectedReportDeliveries))}`, ''],
    ['server CPU, all instances (1 = one core)', medianOf(rounds.lintas, (run) => run.serverCpu).toFixed(2), medianOf(rounds.cluster, (run) => run.serverCpu).toFixed(2), times(medianRatio(rounds.cluster, rounds.lintas, (run) => run.serverCpu))],
    ['dashboard-client processes CPU', medianOf(rounds.lintas, (run) => run.clientCpu).toFixed(2), medianOf(rounds.cluster, (run) => run.clientCpu).toFixed(2), ''],
  );
  return markdownTable(rows);
}

/** Every round's p99 by condition, so that the spread behind the medians shows. */
export function roundsTable(results: BenchResults): string | null {
  const fanout = results.fanout;
  if (!fanout || fanout.rounds.lintas.length < 2) return null;
  const { rounds } = fanout;
  const columns: [string, FanoutRun[]][] = [
    ['Lintas', rounds.lintas],
    ['bare', rounds.baseline],
    ['Lintas, busy', rounds.lintasBusy],
    ['bare, busy', rounds.baselineBusy],
    [`Lintas × ${fanout.instances}`, rounds.cluster],
    [`× ${fanout.instances} cross-instance`, rounds.cluster],
  ];
  const shown = columns.filter(([, runs]) => runs.length);
  const rows = [['round (p99)', ...shown.map(([name]) => name)]];
  rounds.lintas.forEach((_, index) =>
    rows.push([String(index + 1), ...shown.map(([name, runs]) => ms(name.endsWith('cross-instance') ? crossP99(runs[index]) : p99(runs[index])))]),
  );
  return markdownTable(rows);
}

function sum(runs: readonly FanoutRun[], figure: (run: FanoutRun) => number): number {
  return runs.reduce((total, run) => total + figure(run), 0);
}

/**
 * With `--diagnose`: where Lintas's writes waited in each condition — the API's event-loop delay
 * (median of the rounds' p99) and the states its database backends were sampled in (all rounds).
 */
export function diagnosisTable(results: BenchResults): string | null {
  const fanout = results.fanout;
  if (!fanout || !fanout.rounds.lintas.some((run) => run.diagnosis)) return null;
  const conditions: [string, FanoutRun[]][] = [
    ['quiet', fanout.rounds.lintas],
    ['busy neighbour', fanout.rounds.lintasBusy],
  ];
  const rows = [['Lintas, condition', 'event-loop delay p50 / p99 / max', 'busy backends', 'backend states (share of samples)']];
  for (const [name, runs] of conditions) {
    const probed = runs.filter((run) => run.diagnosis);
    if (!probed.length) continue;
    const loop = (figure: 'p50' | 'p99' | 'max') => ms(medianOf(probed, (run) => run.diagnosis?.loopDelay?.[figure] ?? NaN));
    const totals = new Map<string, number>();
    for (const run of probed) for (const [state, share] of Object.entries(run.diagnosis!.pg.states)) totals.set(state, (totals.get(state) ?? 0) + share / probed.length);
    const states = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([state, share]) => `${state} ${Math.round(share * 100)} %`).join('; ');
    rows.push([name, `${loop('p50')} / ${loop('p99')} / ${loop('max')}`, medianOf(probed, (run) => run.diagnosis!.pg.busyBackends).toFixed(2), states || '—']);
  }
  return markdownTable(rows);
}
