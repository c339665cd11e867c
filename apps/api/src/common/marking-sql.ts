import type { MarkingVisibility } from '@lintas/contracts';

/**
 * The handling-marking rule (`markingVisibility` from libs/contracts) as a SQL condition, for
 * every query that reads marked rows (reports, teams, events). It is the only SQL spelling of the
 * rule: an item is visible when it originates from the viewer's agency, its marking is one the
 * viewer's role may see, or it is TLP:RED and names the viewer's agency.
 *
 * `firstParam` is the number of the first placeholder to use; the answer's `params` go at that
 * position of the query's parameter list. `alias` qualifies the columns (`r` → `r.marking`).
 */
export function markingVisibleSql(
  visibility: MarkingVisibility,
  firstParam: number,
  alias?: string,
): { sql: string; params: [string, string[]] } {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  const agency = `$${firstParam}::uuid`;
  const markings = `$${firstParam + 1}::text[]`;
  return {
    sql: `(${column('origin_agency_id')} = ${agency} OR ${column('marking')} = ANY(${markings}) OR (${column('marking')} = 'TLP:RED' AND ${agency} = ANY(${column('recipient_agency_ids')})))`,
    params: [visibility.agencyId, [...visibility.markings]],
  };
}
