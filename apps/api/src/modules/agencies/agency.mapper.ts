import type { Agency, AgencyKind } from '@lintas/contracts';

export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  country: string | null;
  kind: AgencyKind;
  active: boolean;
}

export function toAgency(row: AgencyRow): Agency {
  return { id: row.id, code: row.code, name: row.name, country: row.country, kind: row.kind, active: row.active };
}
