import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Marking, Report, ReportKind, Team, TeamStatus } from '@lintas/contracts';

/**
 * The benchmark's data, arranged by direct SQL in the benchmark's own database (fast, and the
 * brief allows it for setup): N teams and M reports added to the demo operation OP-MEKONG-GATE,
 * each with its matching event-log row (team.created / report.created, seq taken from the
 * operation's counter as the API does), and extra commanders of the lead agency who post the
 * live positions (the API allows one user 10 position requests a second).
 */
export interface BenchData {
  operationId: string;
  /** Teams added for the benchmark (all of the lead agency, so its commanders may move them). */
  teamIds: string[];
  posterEmails: string[];
  /** The operation's bounding box, for random positions inside it. */
  box: { south: number; west: number; north: number; east: number };
}

const KINDS: ReportKind[] = ['interception', 'interception', 'interception', 'interception', 'interception', 'interception', 'sitrep', 'sitrep', 'alert', 'alert'];
const MARKINGS: Marking[] = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'];
const STATUSES: TeamStatus[] = ['on_station', 'en_route', 'engaged', 'returning', 'off_duty'];
const CHUNK = 1000;

export async function arrangeBenchData(databaseUrl: string, options: { teams: number; reports: number; posters: number }): Promise<BenchData> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    const [operation] = (
      await db.query(
        `SELECT o.id, o.lead_agency_id, a.code AS agency_code, a.name AS agency_name
           FROM operations o JOIN agencies a ON a.id = o.lead_agency_id WHERE o.code = 'OP-MEKONG-GATE'`,
      )
    ).rows as { id: string; lead_agency_id: string; agency_code: string; agency_name: string }[];
    if (!operation) throw new Error('bench: the demo operation OP-MEKONG-GATE is missing (start the API with demo data)');
    const agency = { id: operation.lead_agency_id, code: operation.agency_code, name: operation.agency_name };
    const [commander] = (await db.query(`SELECT id, password_hash FROM users WHERE email = 'commander@kh-gdi.demo'`)).rows as { id: string; password_hash: string }[];
    const siteIds = ((await db.query('SELECT site_id FROM operation_sites WHERE operation_id = $1', [operation.id])).rows as { site_id: string }[]).map((row) => row.site_id);
    const box = { south: 10.5, west: 104.8, north: 11.2, east: 106.3 };

    // Seqs for every new event, taken from the operation's counter in one step.
    const count = options.teams + options.reports;
    const [{ last_seq: lastSeq }] = (await db.query('UPDATE operations SET last_seq = last_seq + $2 WHERE id = $1 RETURNING last_seq', [operation.id, count])).rows as { last_seq: string }[];
    let seq = Number(lastSeq) - count;
    const now = Date.now();

    const teams: Team[] = [];
    for (let i = 0; i < options.teams; i++) {
      const at = new Date(now - Math.floor(Math.random() * 120_000)).toISOString();
      const id = randomUUID();
      teams.push({
        id,
        operationId: operation.id,
        agency,
        callSign: `B-${String(i + 1).padStart(3, '0')}`,
        size: 2 + (i % 7),
        status: STATUSES[i % STATUSES.length],
        siteId: siteIds[i % siteIds.length] ?? null,
        members: [],
        marking: 'TLP:GREEN',
        recipientAgencyIds: [],
        lastPosition: { teamId: id, lat: rand(box.south, box.north), lon: rand(box.west, box.east), heading: Math.floor(Math.random() * 360), speed: 1.5, accuracy: 10, at },
        stale: false,
        createdAt: new Date(now).toISOString(),
        updatedAt: new Date(now).toISOString(),
      });
    }
    for (const chunk of chunks(teams, CHUNK)) {
      await insertRows(
        db,
        'teams',
        ['id', 'operation_id', 'agency_id', 'call_sign', 'size', 'status', 'site_id', 'marking', 'last_lat', 'last_lon', 'last_heading', 'last_speed', 'last_accuracy', 'last_position_at'],
        chunk.map((t) => [t.id, t.operationId, agency.id, t.callSign, t.size, t.status, t.siteId, t.marking, t.lastPosition!.lat, t.lastPosition!.lon, t.lastPosition!.heading, 1.5, 10, t.lastPosition!.at]),
      );
      await insertEvents(db, operation.id, chunk.map((team) => ({ seq: ++seq, type: 'team.created', marking: team.marking, origin: agency.id, recipients: [], payload: { team }, actor: commander.id })), agency.id);
    }

    const reports: Report[] = [];
    for (let i = 0; i < options.reports; i++) {
      const kind = KINDS[i % KINDS.length];
      const marking = MARKINGS[(i * 7) % MARKINGS.length];
      const occurred = new Date(now - Math.floor(Math.random() * 7 * 24 * 3_600_000));
      const id = randomUUID();
      reports.push({
        id,
        clientId: randomUUID(),
        operationId: operation.id,
        kind,
        status: i % 5 === 0 ? 'verified' : i % 11 === 0 ? 'rejected' : 'reported',
        title: `${kind === 'alert' ? 'Bench alert' : kind === 'sitrep' ? 'Bench sitrep' : 'Bench interception'} ${i + 1}`,
        narrative: 'Generated for the dashboard benchmark.',
        lat: rand(box.south, box.north),
        lon: rand(box.west, box.east),
        siteId: siteIds[i % siteIds.length] ?? null,
        occurredAt: occurred.toISOString(),
        receivedAt: new Date(occurred.getTime() + 60_000).toISOString(),
        originAgency: agency,
        teamId: null,
        authorUserId: commander.id,
        marking,
        recipientAgencyIds: [],
        interception: kind === 'interception' ? { interceptionKind: 'smuggling', persons: 1 + (i % 12), suspects: i % 2, presumedVictims: 0, minors: 0, nationalities: ['KH'], documentsSeized: 0 } : null,
        statusReason: null,
        statusBy: null,
        statusAt: null,
        updatedAt: new Date(occurred.getTime() + 60_000).toISOString(),
        version: 0,
      });
    }
    for (const chunk of chunks(reports, CHUNK)) {
      for (const report of chunk) report.version = ++seq;
      await insertRows(
        db,
        'reports',
        ['id', 'client_id', 'operation_id', 'kind', 'status', 'title', 'narrative', 'lat', 'lon', 'site_id', 'occurred_at', 'received_at', 'origin_agency_id', 'author_user_id', 'marking', 'interception', 'updated_at', 'version'],
        chunk.map((r) => [r.id, r.clientId, r.operationId, r.kind, r.status, r.title, r.narrative, r.lat, r.lon, r.siteId, r.occurredAt, r.receivedAt, agency.id, commander.id, r.marking, r.interception ? JSON.stringify(r.interception) : null, r.updatedAt, r.version]),
      );
      await insertEvents(db, operation.id, chunk.map((report) => ({ seq: report.version, type: 'report.created', marking: report.marking, origin: agency.id, recipients: [], payload: { report }, actor: commander.id })), agency.id);
    }

    const posterEmails: string[] = [];
    for (let i = 1; i <= options.posters; i++) {
      const email = `bench-commander-${i}@kh-gdi.demo`;
      posterEmails.push(email);
      await db.query(`INSERT INTO users (agency_id, email, name, role, password_hash) VALUES ($1, $2, $3, 'commander', $4)`, [agency.id, email, `Bench commander ${i}`, commander.password_hash]);
    }
    await db.query('COMMIT');
    return { operationId: operation.id, teamIds: teams.map((team) => team.id), posterEmails, box };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

async function insertRows(db: Client, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const values: unknown[] = [];
  const tuples = rows.map((row) => `(${row.map((value) => `$${values.push(value)}`).join(', ')})`);
  await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
}

interface EventRow {
  seq: number;
  type: string;
  marking: Marking;
  origin: string;
  recipients: string[];
  payload: object;
  actor: string;
}

function insertEvents(db: Client, operationId: string, events: EventRow[], agencyId: string): Promise<void> {
  return insertRows(
    db,
    'operation_events',
    ['operation_id', 'seq', 'type', 'actor_user_id', 'actor_agency_id', 'marking', 'origin_agency_id', 'recipient_agency_ids', 'payload'],
    events.map((event) => [operationId, event.seq, event.type, event.actor, agencyId, event.marking, event.origin, event.recipients, JSON.stringify(event.payload)]),
  );
}

function* chunks<T>(items: T[], size: number): Iterable<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function rand(min: number, max: number): number {
  return min + Math.random() * (max - min);
}
