import { connect, type Socket } from 'node:net';
import type { Operation, Team } from '@lintas/contracts';
import { Client, Pool } from 'pg';
import type { LintasApi } from '../client/lintas-api';
import { CpuMeter } from './process-stats';

export interface CotRun {
  devices: number;
  /** Position events sent a second, all devices together. */
  offeredPerSecond: number;
  /** Positions stored a second. */
  perSecond: number;
  sent: number;
  stored: number;
  seconds: number;
  /** CPU of the process that did the work (1 = one core). */
  cpu: number;
}

/** Under the API's limit of 5 positions a second per team. */
const EVENTS_PER_DEVICE_PER_SECOND = 4;

/** `count` teams of the operation, each with a TAK device bound to it by the commander. */
export async function bindDevices(commander: LintasApi, operation: Operation, count: number): Promise<{ uid: string; teamId: string }[]> {
  const devices = [];
  for (let i = 0; i < count; i++) {
    const team = await commander.call<Team>((client) =>
      client.POST('/api/operations/{id}/teams', { params: { path: { id: operation.id } }, body: { callSign: `TAK-${i}`, size: 2, status: 'on_station', marking: 'TLP:GREEN' } }),
    );
    const uid = `ANDROID-BENCH-${i}`;
    await commander.call((client) => client.POST('/api/operations/{operationId}/teams/{teamId}/devices', { params: { path: { operationId: operation.id, teamId: team.id } }, body: { uid } }));
    devices.push({ uid, teamId: team.id });
  }
  return devices;
}

/** A position event as ATAK sends its own (self) position. */
function positionEvent(uid: string, k: number, at: Date): string {
  const time = at.toISOString();
  const stale = new Date(at.getTime() + 300_000).toISOString();
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><event version="2.0" uid="${uid}" type="a-f-G-U-C" how="m-g" time="${time}" start="${time}" stale="${stale}">` +
    `<point lat="${6.5 + (k % 1000) * 1e-5}" lon="${100.4 + (k % 997) * 1e-5}" hae="9999999.0" ce="8.0" le="9999999.0"/>` +
    `<detail><contact callsign="${uid}" endpoint="*:-1:stcp"/><track course="${k % 360}" speed="1.2"/><__group name="Cyan" role="Team Member"/></detail></event>`
  );
}

async function countPositions(databaseUrl: string, teamIds: string[]): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM team_positions WHERE team_id = ANY($1::uuid[])', [teamIds]);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

/**
 * Lintas: every device on its own TCP connection to the CoT listener, sending its position
 * 4 times a second (under the team limit) for the duration; the positions stored are counted in
 * the database once the last batch had time to commit.
 */
export async function ingestThroughCot(port: number, databaseUrl: string, devices: { uid: string; teamId: string }[], durationS: number, apiPid: number): Promise<CotRun> {
  const sockets = await Promise.all(devices.map(() => new Promise<Socket>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  })));
  const before = await countPositions(databaseUrl, devices.map((device) => device.teamId));
  const cpu = new CpuMeter(apiPid);
  const began = performance.now();
  let sent = 0;
  const start = Date.now() - 60_000;
  const ticks = Math.round(durationS * EVENTS_PER_DEVICE_PER_SECOND);
  for (let tick = 0; tick < ticks; tick++) {
    const due = began + (tick * 1000) / EVENTS_PER_DEVICE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    devices.forEach((device, index) => {
      sockets[index].write(positionEvent(device.uid, tick, new Date(start + tick * 250)));
      sent++;
    });
  }
  const offeredSeconds = (performance.now() - began) / 1000;
  // The listener may still be working through what was sent: count until the number stops growing
  // (3 s without a new row, at most 60 s), and divide by the time until the last new row.
  const teamIds = devices.map((device) => device.teamId);
  let stored = (await countPositions(databaseUrl, teamIds)) - before;
  let lastGrowth = performance.now();
  while (performance.now() - lastGrowth < 3000 && performance.now() - began < (durationS + 60) * 1000) {
    await new Promise((done) => setTimeout(done, 250));
    const now = (await countPositions(databaseUrl, teamIds)) - before;
    if (now > stored) {
      stored = now;
      lastGrowth = performance.now();
    }
  }
  const seconds = Math.max(offeredSeconds, (lastGrowth - began) / 1000);
  const cpuShare = cpu.read();
  for (const socket of sockets) socket.destroy();
  return { devices: devices.length, offeredPerSecond: sent / offeredSeconds, perSecond: stored / seconds, sent, stored, seconds, cpu: cpuShare };
}

/**
 * The baseline: the same positions at the same offered rate, one single-row INSERT each through
 * a pool of 8 pg connections (what a naive listener that wrote every event would cost the database),
 * without parsing, authorization, rate limits or the latest-position update.
 */
export async function ingestThroughPgRows(databaseUrl: string, operationId: string, devices: { teamId: string }[], durationS: number): Promise<CotRun> {
  const pool = new Pool({ connectionString: databaseUrl, max: 8 });
  const began = performance.now();
  let sent = 0;
  let stored = 0;
  // A day earlier than the listener's rows: the two runs never collide on (team_id, at).
  const start = Date.now() - 86_400_000;
  const ticks = Math.round(durationS * EVENTS_PER_DEVICE_PER_SECOND);
  const pending: Promise<unknown>[] = [];
  try {
    for (let tick = 0; tick < ticks; tick++) {
      const due = began + (tick * 1000) / EVENTS_PER_DEVICE_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      for (const device of devices) {
        sent++;
        pending.push(
          pool
            .query('INSERT INTO team_positions (team_id, operation_id, lat, lon, accuracy, at) VALUES ($1, $2, $3, $4, 8, $5) ON CONFLICT DO NOTHING', [
              device.teamId,
              operationId,
              6.5 + (tick % 1000) * 1e-5,
              100.4,
              new Date(start + tick * 250).toISOString(),
            ])
            .then((result) => (stored += result.rowCount ?? 0)),
        );
      }
    }
    await Promise.all(pending);
  } finally {
    await pool.end();
  }
  const seconds = (performance.now() - began) / 1000;
  return { devices: devices.length, offeredPerSecond: sent / seconds, perSecond: stored / seconds, sent, stored, seconds, cpu: Number.NaN };
}
