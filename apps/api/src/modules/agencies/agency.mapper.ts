import type { Agency, AgencyKind } from '@lintas/contracts';

export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  country: string | null;
  kind: AgencyKind;
}

export function toAgency(row: AgencyRow): Agency {
  return { id: row.id, code: row.code, name: row.name, country: row.country, kind: row.kind };
}
