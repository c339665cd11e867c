import type { Pool } from 'pg';

/**
 * With `bench-documents --diagnose`: the state PostgreSQL keeps of the list table (was it analysed,
 * vacuumed, are its pages all-visible) and the plan of the API's lookup, run with EXPLAIN (ANALYZE,
 * BUFFERS) on a listed and an unlisted hash — what a check's lookup costs apart from the rest.
 */
export interface ListTableState {
  liveRows: number;
  deadRows: number;
  insertedSinceVacuum: number;
  /** The planner's row estimate (pg_class.reltuples; -1 = never analysed). */
  plannerRows: number;
  pages: number;
  allVisiblePages: number;
  vacuumed: string;
  analysed: string;
}

export interface LookupPlan {
  listed: string;
  unlisted: string;
}

/** The lookup as the API runs it (DocumentListsRepository.findEntry). */
const LOOKUP = `SELECT e.status, e.source, to_char(e.reported_at, 'YYYY-MM-DD') AS reported_at, e.agency_id, a.code
  FROM document_list_entries e JOIN agencies a ON a.id = e.agency_id
 WHERE e.doc_hash = $1
 ORDER BY e.reported_at DESC NULLS LAST LIMIT 1`;

export async function listTableState(pool: Pool): Promise<ListTableState> {
  const { rows } = await pool.query<Record<string, string | null>>(
    `SELECT s.n_live_tup, s.n_dead_tup, s.n_ins_since_vacuum, c.reltuples, c.relpages, c.relallvisible,
            to_char(greatest(s.last_vacuum, s.last_autovacuum), 'HH24:MI:SS') AS vacuumed_at,
            CASE WHEN s.last_autovacuum > coalesce(s.last_vacuum, '-infinity') THEN 'autovacuum' ELSE 'VACUUM' END AS vacuumed_by,
            to_char(greatest(s.last_analyze, s.last_autoanalyze), 'HH24:MI:SS') AS analysed_at,
            CASE WHEN s.last_autoanalyze > coalesce(s.last_analyze, '-infinity') THEN 'autoanalyze' ELSE 'ANALYZE' END AS analysed_by
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
      WHERE s.relname = 'document_list_entries'`,
  );
  const row = rows[0] ?? {};
  const when = (at: string | null | undefined, by: string | null | undefined) => (at ? `${by} at ${at}` : 'never');
  return {
    liveRows: Number(row.n_live_tup),
    deadRows: Number(row.n_dead_tup),
    insertedSinceVacuum: Number(row.n_ins_since_vacuum),
    plannerRows: Number(row.reltuples),
    pages: Number(row.relpages),
    allVisiblePages: Number(row.relallvisible),
    vacuumed: when(row.vacuumed_at, row.vacuumed_by),
    analysed: when(row.analysed_at, row.analysed_by),
  };
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Shared Dirtied Blocks'?: number;
  'Heap Fetches'?: number;
  Plans?: PlanNode[];
}

function describe(plan: { Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }): string {
  const nodes: string[] = [];
  const walk = (node: PlanNode) => {
    nodes.push(node['Index Name'] ? `${node['Node Type']} on ${node['Index Name']}` : node['Node Type']);
    node.Plans?.forEach(walk);
  };
  walk(plan.Plan);
  const top = plan.Plan;
  return (
    `${nodes.join(' → ')}; planning ${plan['Planning Time'].toFixed(2)} ms, execution ${plan['Execution Time'].toFixed(2)} ms; ` +
    `buffers hit ${top['Shared Hit Blocks'] ?? 0}, read ${top['Shared Read Blocks'] ?? 0}, dirtied ${top['Shared Dirtied Blocks'] ?? 0}`
  );
}

/** EXPLAIN (ANALYZE, BUFFERS) of the lookup for a hash in the list and one that is not. */
export async function lookupPlan(pool: Pool): Promise<LookupPlan> {
  const { rows } = await pool.query<{ doc_hash: Buffer }>('SELECT doc_hash FROM document_list_entries ORDER BY ctid DESC LIMIT 1 OFFSET 12345');
  const explain = async (hash: Buffer) => {
    const result = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }] }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${LOOKUP}`,
      [hash],
    );
    return describe(result.rows[0]['QUERY PLAN'][0]);
  };
  return { listed: rows[0] ? await explain(rows[0].doc_hash) : '—', unlisted: await explain(Buffer.alloc(32, 7)) };
}

export function listStateLine(label: string, state: ListTableState): string {
  return (
    `${label}: ${state.liveRows.toLocaleString('en-GB')} live rows, ${state.deadRows.toLocaleString('en-GB')} dead, ` +
    `${state.insertedSinceVacuum.toLocaleString('en-GB')} inserted since the last vacuum; planner estimate ${state.plannerRows.toLocaleString('en-GB')} rows; ` +
    `${state.allVisiblePages.toLocaleString('en-GB')} of ${state.pages.toLocaleString('en-GB')} pages all-visible; vacuumed: ${state.vacuumed}; analysed: ${state.analysed}`
  );
}
