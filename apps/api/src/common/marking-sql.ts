import type { MarkingVisibility } from '@lintas/contracts';

const ALIAS = /^[a-z_][a-z0-9_]*$/;

/**
 * The handling-marking rule in SQL: the one translation of `markingVisibility` (libs/contracts)
 * for queries over a table with `origin_agency_id`, `marking` and `recipient_agency_ids`
 * (reports, teams, operation_events). Filtering in SQL keeps pagination and limits honest: a page
 * is never cut short by rows removed after the query.
 *
 * It appends its parameters to `params` and answers the condition, so that it composes with any
 * query, whatever its other parameters:
 *
 *   const params: unknown[] = [operationId];
 *   const sql = `SELECT * FROM reports r WHERE r.operation_id = $1 AND ${markingCondition(visibility, params, 'r')}`;
 */
export function markingCondition(visibility: MarkingVisibility, params: unknown[], alias?: string): string {
  if (alias !== undefined && !ALIAS.test(alias)) throw new Error(`markingCondition: invalid table alias ${JSON.stringify(alias)}`);
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  params.push(visibility.agencyId, [...visibility.markings]);
  const agency = `$${params.length - 1}::uuid`;
  const markings = `$${params.length}::text[]`;
  return (
    `(${column('origin_agency_id')} = ${agency}` +
    ` OR ${column('marking')} = ANY(${markings})` +
    ` OR (${column('marking')} = 'TLP:RED' AND ${agency} = ANY(${column('recipient_agency_ids')})))`
  );
}
