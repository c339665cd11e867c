import type { Site, SiteKind } from '@lintas/contracts';

export interface SiteRow {
  id: string;
  code: string;
  name: string;
  kind: SiteKind;
  country: string;
  counterpart: string | null;
  lat: number;
  lon: number;
  retired_at: Date | null;
}

export const SITE_COLUMNS = 'id, code, name, kind, country, counterpart, lat, lon, retired_at';

export function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    country: row.country,
    counterpart: row.counterpart,
    lat: Number(row.lat),
    lon: Number(row.lon),
    retired: row.retired_at !== null,
  };
}
