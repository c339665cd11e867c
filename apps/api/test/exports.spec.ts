import { check as checkGeoJson } from '@placemarkio/check-geojson';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { parse as parseCsv } from 'csv-parse/sync';
import JSZip from 'jszip';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EXPORT_FORMATS, MARKINGS, markingForFileName, mostRestrictive, type ExportFormat, type Marking } from '@lintas/contracts';
import { arrangeOperation, arrangeSite, arrangeTeam } from './support/arrange-operation';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Exports, each read back by an independent parser: GeoJSON by @placemarkio/check-geojson, CSV by
 * csv-parse, KML converted back to GeoJSON by @tmcw/togeojson, the TAK data package by
 * @tak-ps/node-cot (its DataPackage reader and CoT schema). The marking matrix of the REST list
 * (marking-matrix.spec.ts) holds over every format: the same items, no more.
 */
type ViewerKind = 'originator' | 'lead' | 'participant' | 'observer' | 'redRecipient' | 'outsider';
const VIEWERS: ViewerKind[] = ['originator', 'lead', 'participant', 'observer', 'redRecipient', 'outsider'];

// prettier-ignore
const EXPECTED: Record<Marking, Record<ViewerKind, boolean>> = {
  'TLP:CLEAR':        { originator: true, lead: true,  participant: true,  observer: true,  redRecipient: true,  outsider: false },
  'TLP:GREEN':        { originator: true, lead: true,  participant: true,  observer: true,  redRecipient: true,  outsider: false },
  'TLP:AMBER':        { originator: true, lead: true,  participant: true,  observer: false, redRecipient: true,  outsider: false },
  'TLP:AMBER+STRICT': { originator: true, lead: true,  participant: false, observer: false, redRecipient: false, outsider: false },
  'TLP:RED':          { originator: true, lead: false, participant: false, observer: false, redRecipient: true,  outsider: false },
};

const INJECTION = '=HYPERLINK("http://x","y")';
const KHMER = 'ក្រុមល្បាតបានស្ទាក់ទូកមួយ';
const run = promisify(execFile);

interface Download {
  status: number;
  disposition: string | null;
  contentType: string | null;
  body: Buffer;
}

describe('exports: GeoJSON, CSV, KML and TAK data packages under the marking rule', () => {
  let t: TestApp;
  let db: Fixtures;
  let operationId: string;
  let operationCode: string;
  let siteId: string;
  const token: Partial<Record<ViewerKind, string>> = {};
  const reportOf: Partial<Record<Marking, string>> = {};
  const teamOf: Partial<Record<Marking, string>> = {};
  let injectionReportId: string;
  let unplacedReportId: string;
  const scratch = mkdtempSync(join(tmpdir(), 'lintas-exports-'));

  const download = async (kind: ViewerKind | null, format: ExportFormat, query = ''): Promise<Download> => {
    const headers: Record<string, string> = {};
    if (kind) headers.authorization = `Bearer ${token[kind]}`;
    const response = await fetch(`${t.baseUrl}/api/operations/${operationId}/export?format=${format}${query}`, { headers });
    return {
      status: response.status,
      disposition: response.headers.get('content-disposition'),
      contentType: response.headers.get('content-type'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  /** What the viewer should find: report ids (all placed but one), team ids (all with a position and a track). */
  const expected = (kind: ViewerKind) => {
    const markings = MARKINGS.filter((marking) => EXPECTED[marking][kind]);
    return {
      reports: [...markings.map((marking) => reportOf[marking]!), injectionReportId, unplacedReportId].sort(),
      placedReports: [...markings.map((marking) => reportOf[marking]!), injectionReportId].sort(),
      teams: markings.map((marking) => teamOf[marking]!).sort(),
      marking: mostRestrictive(markings)!,
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    const agency: Partial<Record<ViewerKind, string>> = {};
    for (const kind of VIEWERS) {
      agency[kind] = (await db.agency({ code: `EX-${kind.toUpperCase().slice(0, 10)}` })).id;
      const user = await db.user({ agencyId: agency[kind]!, role: 'commander' });
      token[kind] = (await signIn(t.baseUrl, user.email)).accessToken;
    }
    operationCode = `EX-${randomUUID().slice(0, 6).toUpperCase()}`;
    operationId = (
      await arrangeOperation(db, {
        code: operationCode,
        leadAgencyId: agency.lead!,
        members: [
          { agencyId: agency.originator!, role: 'participant' },
          { agencyId: agency.participant!, role: 'participant' },
          { agencyId: agency.redRecipient!, role: 'participant' },
          { agencyId: agency.observer!, role: 'observer' },
        ],
      })
    ).id;
    const area = { type: 'Polygon', coordinates: [[[105, 10], [106, 10], [106, 11], [105, 11], [105, 10]]] };
    await db.query('UPDATE operations SET exercise = true, area = $2 WHERE id = $1', [operationId, JSON.stringify(area)]);
    siteId = (await arrangeSite(db)).id;
    await db.query('INSERT INTO operation_sites (operation_id, site_id) VALUES ($1, $2)', [operationId, siteId]);

    const post = async (body: Record<string, unknown>) => {
      const answer = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, {
        token: token.originator,
        body: { clientId: randomUUID(), kind: 'sitrep', occurredAt: '2026-11-01T00:00:00Z', recipientAgencyIds: [], lat: 10.5, lon: 105.5, ...body },
      });
      expect(answer.status).toBe(201);
      return answer.body.id as string;
    };
    for (const marking of MARKINGS) {
      const recipientAgencyIds = marking === 'TLP:RED' ? [agency.redRecipient!] : [];
      reportOf[marking] = await post({ title: `Marked ${marking}`, narrative: KHMER, marking, recipientAgencyIds });
      const team = await arrangeTeam(db, { operationId, agencyId: agency.originator!, marking, recipientAgencyIds, callSign: `T-${marking.slice(4)}` });
      teamOf[marking] = team.id;
      for (const [minute, lat] of [[0, 10.1], [5, 10.2], [10, 10.3]] as const) {
        await db.query('INSERT INTO team_positions (team_id, operation_id, lat, lon, at) VALUES ($1, $2, $3, 105.3, $4)', [
          team.id,
          operationId,
          lat,
          `2026-11-01T00:${String(minute).padStart(2, '0')}:00Z`,
        ]);
      }
      await db.query(`UPDATE teams SET last_lat = 10.3, last_lon = 105.3, last_position_at = '2026-11-01T00:10:00Z' WHERE id = $1`, [team.id]);
    }
    injectionReportId = await post({ kind: 'alert', title: INJECTION, narrative: '+SUM(A1:A2)', marking: 'TLP:GREEN' });
    unplacedReportId = await post({ title: 'Sitrep from the command post', narrative: '-1 boat', marking: 'TLP:CLEAR', lat: null, lon: null });
  });

  afterAll(async () => {
    await db.close();
    await t.close();
  });

  describe.each(VIEWERS.filter((kind) => kind !== 'outsider'))('%s', (kind) => {
    it('GeoJSON: valid RFC 7946 (check-geojson), exactly the visible items, marked and flagged as an exercise', async () => {
      const file = await download(kind, 'geojson');
      expect(file.status).toBe(200);
      const want = expected(kind);
      expect(file.disposition).toBe(`attachment; filename="${file.disposition!.match(/filename="([^"]+)"/)![1]}"`);
      expect(file.disposition).toContain(`EXERCISE_${operationCode}_${markingForFileName(want.marking)}_`);
      expect(file.disposition).toMatch(/\.geojson"$/);
      const collection = checkGeoJson(file.body.toString('utf8')) as unknown as {
        marking: string;
        exercise: boolean;
        features: { id: string; geometry: { type: string } | null; properties: Record<string, unknown> }[];
      };
      expect(collection.marking).toBe(want.marking);
      expect(collection.exercise).toBe(true);
      const ids = (layer: string, prefix: string) =>
        collection.features.filter((f) => f.properties.layer === layer).map((f) => f.id.slice(prefix.length)).sort();
      expect([...ids('reports', 'report-'), ...ids('alerts', 'report-')].sort()).toEqual(want.reports);
      expect(ids('teams', 'team-')).toEqual(want.teams);
      expect(ids('trails', 'track-')).toEqual(want.teams);
      expect(ids('sites', 'site-')).toEqual([siteId]);
      expect(ids('area', 'area-')).toEqual([operationId]);
      for (const feature of collection.features) {
        expect(MARKINGS).toContain(feature.properties.marking);
        expect(feature.properties.exercise).toBe(true);
      }
      const track = collection.features.find((f) => f.properties.layer === 'trails')!;
      expect(track.geometry!.type).toBe('LineString');
    });

    it('CSV: byte-order mark, marking banner, exactly the visible reports (csv-parse), formulas inert', async () => {
      const file = await download(kind, 'csv');
      expect(file.status).toBe(200);
      const want = expected(kind);
      // Teams are not in a CSV of reports: its marking is the reports' own.
      const reportMarking = mostRestrictive(MARKINGS.filter((marking) => EXPECTED[marking][kind]))!;
      expect(file.disposition).toContain(`_${markingForFileName(reportMarking)}_`);
      expect(file.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const text = file.body.toString('utf8').slice(1);
      const [banner] = parseCsv(text, { to_line: 1, relax_column_count: true }) as string[][];
      expect(banner).toEqual([expect.stringMatching(new RegExp(`^${reportMarking.replace('+', '\\+')} // EXERCISE // ${operationCode}`))]);
      const rows = parseCsv(text, { from_line: 2, columns: true }) as Record<string, string>[];
      expect(rows.map((row) => row.id).sort()).toEqual(want.reports);
      for (const row of rows) expect(row.exercise).toBe('EXERCISE');
      const injected = rows.find((row) => row.id === injectionReportId)!;
      expect(injected.title).toBe(`'${INJECTION}`);
      expect(injected.narrative).toBe("'+SUM(A1:A2)");
      expect(rows.find((row) => row.id === unplacedReportId)!.narrative).toBe("'-1 boat");
      expect(rows.find((row) => row.id === reportOf['TLP:CLEAR'])!.narrative).toBe(KHMER);
      expect(rows.find((row) => row.id === reportOf['TLP:CLEAR'])!.lon).toBe('105.5');
    });

    it('KML: converts back to GeoJSON (togeojson) with the same items, time stamps and styles', async () => {
      const file = await download(kind, 'kml');
      expect(file.status).toBe(200);
      expect(file.contentType).toContain('application/vnd.google-earth.kml+xml');
      const want = expected(kind);
      const document = new DOMParser().parseFromString(file.body.toString('utf8'), 'text/xml');
      const collection = kmlToGeoJson(document as never);
      const ids = (layer: string) =>
        collection.features.filter((f) => f.properties?.layer === layer).map((f) => String(f.id).replace(/^[a-z]+-/, '')).sort();
      expect([...ids('reports'), ...ids('alerts')].sort()).toEqual(want.reports);
      expect(ids('teams')).toEqual(want.teams);
      expect(ids('trails')).toEqual(want.teams);
      const report = collection.features.find((f) => f.id === `report-${reportOf['TLP:CLEAR']}`)!;
      expect(report.properties).toMatchObject({ marking: 'TLP:CLEAR', exercise: 'true', kind: 'sitrep', timestamp: '2026-11-01T00:00:00.000Z' });
      expect(report.properties!.styleUrl).toBe('#kind-sitrep');
      const track = collection.features.find((f) => f.properties?.layer === 'trails')!;
      expect(track.geometry!.type).toBe('LineString');
      expect(track.properties!.timespan).toEqual({ begin: '2026-11-01T00:00:00.000Z', end: '2026-11-01T00:10:00.000Z' });
      expect(file.body.toString('utf8')).toContain(`<name>${want.marking} // EXERCISE // ${operationCode}`);
    });

    it('TAK data package: manifest and one CoT per item, read by @tak-ps/node-cot; opex, marking in remarks', async () => {
      const file = await download(kind, 'tak');
      expect(file.status).toBe(200);
      expect(file.disposition).toMatch(/\.zip"$/);
      const want = expected(kind);
      const path = join(scratch, `${kind}.zip`);
      writeFileSync(path, file.body);
      const names = Object.keys((await JSZip.loadAsync(file.body)).files);
      expect(names).toContain('MANIFEST/manifest.xml');
      const { stdout } = await run(process.execPath, [join(__dirname, 'support/parse-tak-package.mjs'), path], { cwd: __dirname });
      const pkg = JSON.parse(stdout) as {
        name: string;
        contents: number;
        cots: { uid: string; type: string; opex: string | null; access: string | null; remarks: string; friendlyGround: boolean; geometryType: string }[];
      };
      expect(pkg.name).toContain(markingForFileName(want.marking));
      const uids = (prefix: string) => pkg.cots.filter((cot) => cot.uid.startsWith(prefix)).map((cot) => cot.uid.slice(prefix.length)).sort();
      expect(uids('lintas-report-')).toEqual(want.placedReports);
      expect(uids('lintas-team-')).toEqual(want.teams);
      expect(uids('lintas-area-')).toEqual([operationId]);
      expect(pkg.contents).toBe(pkg.cots.length);
      for (const cot of pkg.cots) {
        expect(cot.opex).toBe('e');
        expect(cot.remarks).toMatch(/^\[TLP:[A-Z+]+\] EXERCISE /);
        expect(MARKINGS).toContain(cot.access);
      }
      expect(pkg.cots.filter((cot) => cot.uid.startsWith('lintas-team-')).every((cot) => cot.friendlyGround)).toBe(true);
      expect(pkg.cots.find((cot) => cot.uid.startsWith('lintas-area-'))!.geometryType).toBe('Polygon');
    });
  });

  it('an observer never receives AMBER+STRICT or RED items of others in any format; a RED recipient does receive RED', async () => {
    for (const format of EXPORT_FORMATS) {
      const observer = (await download('observer', format)).body;
      const recipient = (await download('redRecipient', format)).body;
      const text = (body: Buffer) => (format === 'tak' ? JSZip.loadAsync(body).then(async (zip) => (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('\n')) : body.toString('utf8'));
      const observerText = await text(observer);
      const recipientText = await text(recipient);
      for (const marking of ['TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const) expect({ format, marking, found: observerText.includes(reportOf[marking]!) }).toEqual({ format, marking, found: false });
      expect({ format, found: recipientText.includes(reportOf['TLP:RED']!) }).toEqual({ format, found: true });
    }
  });

  it('the map filters narrow the file: kind, layers, agency, time window', async () => {
    const parse = async (query: string) =>
      (JSON.parse((await download('lead', 'geojson', query)).body.toString('utf8')) as { marking: string; features: { id: string; properties: { layer: string } }[] });
    const alerts = await parse('&kind=alert&layers=reports,alerts');
    expect(alerts.features.map((f) => f.id)).toEqual([`report-${injectionReportId}`]);
    expect(alerts.marking).toBe('TLP:GREEN');
    const teamsOnly = await parse('&layers=teams');
    expect(new Set(teamsOnly.features.map((f) => f.properties.layer))).toEqual(new Set(['teams']));
    const clearOnly = await parse('&marking=TLP:CLEAR');
    expect(clearOnly.marking).toBe('TLP:CLEAR');
    const nothingYet = await parse('&from=2026-11-02T00:00:00Z&layers=reports,trails');
    expect(nothingYet.features).toEqual([]);
    expect((await download('lead', 'geojson', '&agency=NOPE-1&layers=reports')).body.toString('utf8')).toContain('"features":[\n\n]}');
  });

  it('refuses an unknown format, bad filters, strangers and missing tokens with a code; every export is audited', async () => {
    expect((await download('outsider', 'geojson')).status).toBe(404);
    expect((await download(null, 'geojson')).status).toBe(401);
    const bad = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/export?format=shp`, { token: token.lead });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    const badFilter = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/export?format=csv&kind=rumour`, { token: token.lead });
    expect(badFilter.status).toBe(400);
    const audited = await db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'operation.export' AND operation_id = $1`, [operationId]);
    expect(Number(audited[0].n)).toBeGreaterThanOrEqual(20);
    const [entry] = await db.query<{ details: { format: string; marking: string; fileName: string } }>(
      `SELECT details FROM audit_log WHERE action = 'operation.export' AND operation_id = $1 ORDER BY id LIMIT 1`,
      [operationId],
    );
    expect(entry.details).toMatchObject({ format: expect.any(String), marking: expect.stringMatching(/^TLP:/), fileName: expect.stringContaining(operationCode) });
  });
});
