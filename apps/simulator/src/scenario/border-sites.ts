import type { LatLon } from '@lintas/contracts';
// A copy of the shared ASEAN border-site list, bundled so that the simulator reads nothing outside
// the project at run time. Imported rather than read from disk, so that tsc copies it into dist.
import borderSites from '../data/asean-border-sites.json';

export interface BorderSite extends LatLon {
  /** The site code, e.g. `kh-bavet`; the API stores it as the site's `code`. */
  code: string;
  name: string;
  kind: string;
  country: string;
}

const SITES: ReadonlyMap<string, BorderSite> = new Map(
  (borderSites as { sites: { id: string; name: string; kind: string; country: string; lat: number; lon: number }[] }).sites.map((site) => [
    site.id,
    { code: site.id, name: site.name, kind: site.kind, country: site.country, lat: site.lat, lon: site.lon },
  ]),
);

export function findSite(code: string): BorderSite | undefined {
  return SITES.get(code);
}

/** Known codes closest in spelling to `code`, for an error message that helps. */
export function similarSiteCodes(code: string, limit = 3): string[] {
  const prefix = code.slice(0, 3);
  return [...SITES.keys()]
    .map((known) => ({ known, distance: editDistance(code, known) - (known.startsWith(prefix) ? 1 : 0) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map((entry) => entry.known);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
