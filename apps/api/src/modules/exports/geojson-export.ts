import type { Report, Site, Team } from '@lintas/contracts';
import { bannerOf, type ExportContent, type TeamTrack } from './export-content';

/**
 * An RFC 7946 FeatureCollection, written as a stream of text: the collection's own members first
 * (its marking, the exercise flag: foreign members, which the RFC allows), then one feature per
 * item. Every feature carries `layer`, `marking`, `kind`, `status` and its times.
 */
export async function* geojsonExport(content: ExportContent): AsyncGenerator<string> {
  const exercise = content.operation.exercise;
  const head = {
    type: 'FeatureCollection',
    name: `${bannerOf(content)} — ${content.operation.name}`,
    marking: content.marking,
    exercise,
    operation: content.operation,
    generatedAt: content.generatedAt.toISOString(),
    exportedBy: content.exportedBy,
  };
  const json = JSON.stringify(head);
  yield `${json.slice(0, -1)},"features":[\n`;
  let first = true;
  const feature = (value: object) => {
    const text = `${first ? '' : ',\n'}${JSON.stringify(value)}`;
    first = false;
    return text;
  };
  if (content.area) {
    yield feature({
      type: 'Feature',
      id: `area-${content.operation.id}`,
      geometry: content.area,
      properties: { layer: 'area', kind: 'area', name: content.operation.name, marking: content.marking, exercise },
    });
  }
  for (const site of content.sites) yield feature(siteFeature(site, exercise));
  for (const team of content.teams) if (team.lastPosition) yield feature(teamFeature(team, exercise));
  for await (const track of content.tracks()) if (track.positions.length >= 2) yield feature(trackFeature(track, exercise));
  for await (const page of content.reports()) {
    yield page.map((report) => feature(reportFeature(report, exercise))).join('');
  }
  yield '\n]}\n';
}

function siteFeature(site: Site, exercise: boolean) {
  return {
    type: 'Feature',
    id: `site-${site.id}`,
    geometry: { type: 'Point', coordinates: [site.lon, site.lat] },
    // Border sites are public reference data: TLP:CLEAR.
    properties: { layer: 'sites', kind: site.kind, name: site.name, code: site.code, country: site.country, marking: 'TLP:CLEAR', exercise },
  };
}

function teamFeature(team: Team, exercise: boolean) {
  const position = team.lastPosition!;
  return {
    type: 'Feature',
    id: `team-${team.id}`,
    geometry: { type: 'Point', coordinates: [position.lon, position.lat] },
    properties: {
      layer: 'teams',
      kind: 'team',
      callSign: team.callSign,
      agency: team.agency.code,
      status: team.status,
      size: team.size,
      marking: team.marking,
      exercise,
      at: position.at,
      heading: position.heading,
      speed: position.speed,
      accuracy: position.accuracy,
    },
  };
}

function trackFeature(track: TeamTrack, exercise: boolean) {
  const { team, positions } = track;
  return {
    type: 'Feature',
    id: `track-${team.id}`,
    geometry: { type: 'LineString', coordinates: positions.map((p) => [p.lon, p.lat]) },
    properties: {
      layer: 'trails',
      kind: 'track',
      callSign: team.callSign,
      agency: team.agency.code,
      status: team.status,
      marking: team.marking,
      exercise,
      from: positions[0].at,
      to: positions[positions.length - 1].at,
      times: positions.map((p) => p.at),
    },
  };
}

function reportFeature(report: Report, exercise: boolean) {
  return {
    type: 'Feature',
    id: `report-${report.id}`,
    geometry: report.lat === null || report.lon === null ? null : { type: 'Point', coordinates: [report.lon, report.lat] },
    properties: {
      layer: report.kind === 'alert' ? 'alerts' : 'reports',
      kind: report.kind,
      status: report.status,
      marking: report.marking,
      exercise,
      title: report.title,
      narrative: report.narrative,
      agency: report.originAgency.code,
      teamId: report.teamId,
      siteId: report.siteId,
      occurredAt: report.occurredAt,
      receivedAt: report.receivedAt,
      updatedAt: report.updatedAt,
      interception: report.interception,
    },
  };
}
