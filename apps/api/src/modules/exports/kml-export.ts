import { REPORT_KINDS, type Polygon, type Report, type ReportKind, type Site, type Team } from '@lintas/contracts';
import { bannerOf, type ExportContent, type TeamTrack } from './export-content';
import { xmlEscape as x } from './xml-text';

/** KML colours are aabbggrr. */
const KIND_COLOURS: Readonly<Record<ReportKind, string>> = { interception: 'ff1f4fe0', sitrep: 'ffd08a2a', alert: 'ff2020ff' };
const PALETTE = ['ff3c8d2f', 'ffb4641e', 'ff2a7fd0', 'ff8e44ad', 'ff1e90b4', 'ff5a5ac8', 'ff4fa0a0', 'ffa05a28'];

/**
 * KML 2.2 for Google Earth and QGIS, written as a stream: a Document named with the marking
 * banner, styles by report kind and by team agency, then Placemarks with `TimeStamp` (reports,
 * teams' last positions) or `TimeSpan` (tracks), and `ExtendedData` holding marking, kind, status
 * and the exercise flag.
 */
export async function* kmlExport(content: ExportContent): AsyncGenerator<string> {
  const exercise = content.operation.exercise;
  const agencies = [...new Set(content.teams.map((team) => team.agency.code))].sort();
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n';
  yield `<name>${x(`${bannerOf(content)} — ${content.operation.name}`)}</name>\n`;
  yield `<description>${x(`${bannerOf(content)}. Exported ${content.generatedAt.toISOString()} by ${content.exportedBy}.`)}</description>\n`;
  yield styles(agencies);
  if (content.area) yield areaPlacemark(content, content.area);
  for (const site of content.sites) yield sitePlacemark(site, exercise);
  for (const team of content.teams) if (team.lastPosition) yield teamPlacemark(team, exercise);
  for await (const track of content.tracks()) if (track.positions.length >= 2) yield trackPlacemark(track, exercise);
  for await (const page of content.reports()) yield page.map((report) => reportPlacemark(report, exercise)).join('');
  yield '</Document>\n</kml>\n';
}

function styles(agencies: string[]): string {
  const kinds = REPORT_KINDS.map(
    (kind) => `<Style id="kind-${kind}"><IconStyle><color>${KIND_COLOURS[kind]}</color><Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href></Icon></IconStyle></Style>\n`,
  );
  const teams = agencies.map((code, index) => {
    const colour = PALETTE[index % PALETTE.length];
    return (
      `<Style id="agency-${x(code)}"><IconStyle><color>${colour}</color><Icon><href>http://maps.google.com/mapfiles/kml/shapes/triangle.png</href></Icon></IconStyle>` +
      `<LineStyle><color>${colour}</color><width>3</width></LineStyle></Style>\n`
    );
  });
  return [
    ...kinds,
    ...teams,
    '<Style id="area"><LineStyle><color>ff0000ff</color><width>2</width></LineStyle><PolyStyle><color>220000ff</color></PolyStyle></Style>\n',
    '<Style id="site"><IconStyle><color>ff505050</color><Icon><href>http://maps.google.com/mapfiles/kml/shapes/square.png</href></Icon></IconStyle></Style>\n',
  ].join('');
}

function data(fields: Record<string, string | number | boolean | null | undefined>): string {
  const items = Object.entries(fields)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => `<Data name="${x(name)}"><value>${x(String(value))}</value></Data>`);
  return `<ExtendedData>${items.join('')}</ExtendedData>`;
}

const point = (lon: number, lat: number) => `<Point><coordinates>${lon},${lat}</coordinates></Point>`;
const ring = (coordinates: number[][]) => `<LinearRing><coordinates>${coordinates.map(([lon, lat]) => `${lon},${lat}`).join(' ')}</coordinates></LinearRing>`;

function areaPlacemark(content: ExportContent, area: Polygon): string {
  const [outer, ...holes] = area.coordinates;
  return (
    `<Placemark id="area-${content.operation.id}"><name>${x(`Area of operations — ${content.operation.code}`)}</name><styleUrl>#area</styleUrl>` +
    data({ layer: 'area', kind: 'area', marking: content.marking, exercise: content.operation.exercise }) +
    `<Polygon><outerBoundaryIs>${ring(outer)}</outerBoundaryIs>${holes.map((hole) => `<innerBoundaryIs>${ring(hole)}</innerBoundaryIs>`).join('')}</Polygon></Placemark>\n`
  );
}

function sitePlacemark(site: Site, exercise: boolean): string {
  return (
    `<Placemark id="site-${site.id}"><name>${x(site.name)}</name><styleUrl>#site</styleUrl>` +
    data({ layer: 'sites', kind: site.kind, code: site.code, country: site.country, marking: 'TLP:CLEAR', exercise }) +
    `${point(site.lon, site.lat)}</Placemark>\n`
  );
}

function teamPlacemark(team: Team, exercise: boolean): string {
  const position = team.lastPosition!;
  return (
    `<Placemark id="team-${team.id}"><name>${x(team.callSign)}</name>` +
    `<description>${x(`${team.marking} — ${team.agency.code} team ${team.callSign}, ${team.status}`)}</description>` +
    `<TimeStamp><when>${position.at}</when></TimeStamp><styleUrl>#agency-${x(team.agency.code)}</styleUrl>` +
    data({ layer: 'teams', kind: 'team', agency: team.agency.code, status: team.status, size: team.size, marking: team.marking, exercise }) +
    `${point(position.lon, position.lat)}</Placemark>\n`
  );
}

function trackPlacemark(track: TeamTrack, exercise: boolean): string {
  const { team, positions } = track;
  return (
    `<Placemark id="track-${team.id}"><name>${x(`${team.callSign} track`)}</name>` +
    `<TimeSpan><begin>${positions[0].at}</begin><end>${positions[positions.length - 1].at}</end></TimeSpan>` +
    `<styleUrl>#agency-${x(team.agency.code)}</styleUrl>` +
    data({ layer: 'trails', kind: 'track', agency: team.agency.code, status: team.status, marking: team.marking, exercise }) +
    `<LineString><tessellate>1</tessellate><coordinates>${positions.map((p) => `${p.lon},${p.lat}`).join(' ')}</coordinates></LineString></Placemark>\n`
  );
}

function reportPlacemark(report: Report, exercise: boolean): string {
  const i = report.interception;
  const geometry = report.lat === null || report.lon === null ? '' : point(report.lon, report.lat);
  return (
    `<Placemark id="report-${report.id}"><name>${x(report.title)}</name>` +
    `<description>${x(`${report.marking}${exercise ? ' — EXERCISE' : ''} — ${report.narrative}`)}</description>` +
    `<TimeStamp><when>${report.occurredAt}</when></TimeStamp><styleUrl>#kind-${report.kind}</styleUrl>` +
    data({
      layer: report.kind === 'alert' ? 'alerts' : 'reports',
      kind: report.kind,
      status: report.status,
      marking: report.marking,
      exercise,
      agency: report.originAgency.code,
      occurredAt: report.occurredAt,
      receivedAt: report.receivedAt,
      interceptionKind: i?.interceptionKind,
      persons: i?.persons,
      suspects: i?.suspects,
      presumedVictims: i?.presumedVictims,
      minors: i?.minors,
    }) +
    `${geometry}</Placemark>\n`
  );
}
