import type { Operation, Report, ReplayTrack, Team } from '@lintas/contracts';
import { useEffect, useState } from 'react';
import { type CountryCollection, loadCountryOutlines } from '../map/basemap';

const WIDTH = 680;
const HEIGHT = 420;

interface Box {
  west: number;
  east: number;
  south: number;
  north: number;
}

/**
 * The report's area map, drawn as SVG (vector in the PDF, no tiles, no network): country outlines
 * of the embedded basemap, the area of operations, sites, team tracks and reports with positions.
 */
export function AreaMap({ operation, tracks, reports, teams, colourOf, onReady }: { operation: Operation; tracks: ReplayTrack[]; reports: Report[]; teams: Team[]; colourOf(agencyId: string): string; onReady(): void }) {
  const [outlines, setOutlines] = useState<CountryCollection | null | undefined>(undefined);
  useEffect(() => {
    loadCountryOutlines().then(setOutlines, () => setOutlines(null));
  }, []);
  useEffect(() => {
    if (outlines !== undefined) onReady();
  }, [outlines, onReady]);

  const points: [number, number][] = [];
  for (const ring of operation.area?.coordinates ?? []) for (const [lon, lat] of ring) points.push([lon, lat]);
  for (const site of operation.sites) points.push([site.lon, site.lat]);
  for (const track of tracks) for (const point of track.points) points.push([point.lon, point.lat]);
  for (const report of reports) if (report.lat !== null && report.lon !== null) points.push([report.lon, report.lat]);
  const box = fitBox(points);
  const project = projector(box);
  const teamAgency = new Map(teams.map((team) => [team.id, team.agency.id]));

  return (
    <svg className="area-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" data-testid="area-map">
      <rect width={WIDTH} height={HEIGHT} className="area-map__sea" />
      {outlines?.features.map((country, index) => (
        <path key={index} d={pathOf(country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates, project)} className={country.properties.asean ? 'area-map__land area-map__land--asean' : 'area-map__land'} />
      ))}
      {operation.area && <path d={pathOf([operation.area.coordinates], project)} className="area-map__area" />}
      {tracks.map((track) => (
        <polyline key={track.teamId} points={track.points.map((p) => project(p.lon, p.lat).join(',')).join(' ')} className="area-map__track" stroke={colourOf(teamAgency.get(track.teamId) ?? '')} />
      ))}
      {reports.map((report) =>
        report.lat !== null && report.lon !== null ? <circle key={report.id} cx={project(report.lon, report.lat)[0]} cy={project(report.lon, report.lat)[1]} r={3.5} className={`area-map__report area-map__report--${report.kind}`} /> : null,
      )}
      {operation.sites.map((site) => {
        const [x, y] = project(site.lon, site.lat);
        return (
          <g key={site.id}>
            <rect x={x - 4} y={y - 4} width={8} height={8} className="area-map__site" />
            <text x={x + 7} y={y + 4} className="area-map__label">
              {site.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function fitBox(points: [number, number][]): Box {
  if (points.length === 0) return { west: 92, east: 141.5, south: -11.5, north: 28.8 };
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const [lon, lat] of points) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const pad = Math.max(0.05, (east - west) * 0.12, (north - south) * 0.12);
  return { west: west - pad, east: east + pad, south: south - pad, north: north + pad };
}

/** Equirectangular at the box's middle latitude, fitted into the frame with its aspect kept. */
function projector(box: Box): (lon: number, lat: number) => [number, number] {
  const k = Math.cos((((box.north + box.south) / 2) * Math.PI) / 180);
  const spanX = (box.east - box.west) * k;
  const spanY = box.north - box.south;
  const scale = Math.min(WIDTH / spanX, HEIGHT / spanY);
  const offsetX = (WIDTH - spanX * scale) / 2;
  const offsetY = (HEIGHT - spanY * scale) / 2;
  return (lon, lat) => [round(offsetX + (lon - box.west) * k * scale), round(offsetY + (box.north - lat) * scale)];
}

function pathOf(polygons: number[][][][], project: (lon: number, lat: number) => [number, number]): string {
  return polygons.map((rings) => rings.map((ring) => `M${ring.map(([lon, lat]) => project(lon, lat).join(',')).join('L')}Z`).join('')).join('');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
