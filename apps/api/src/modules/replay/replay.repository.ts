import { Injectable } from '@nestjs/common';
import type { MarkedItemEvent, Marking, MarkingVisibility, OperationEvent, ReplayTrack, TeamPosition } from '@lintas/contracts';
import type { EntityManager } from 'typeorm';
import { markingCondition } from '../../common/marking-sql';
import { toOperationEvent, type EventRow } from '../event-log/event-log.repository';
import { toTeamPosition, type PositionRow } from '../positions/position.mapper';
import type { TeamMarkingSpan } from './team-visibility';

/**
 * The log keeps microseconds; a moment in the API is ISO 8601 with milliseconds. "Up to a moment"
 * takes in its whole millisecond, so that the moment an event reports (`event.at`) includes it.
 */
const upTo = (param: string) => `< (${param}::timestamptz + interval '1 millisecond')`;

/** Every column of an event but its payload, from `operation_events e`. */
const EVENT_COLUMNS_OF_E = 'e.operation_id, e.seq, e.type, e.at, e.actor_user_id, e.actor_agency_id, e.marking, e.origin_agency_id, e.recipient_agency_ids';

/**
 * A report event names its team only when the viewer may see the team under its current marking,
 * as the live feed, the catch-up and `/events` do (issue 10): the payload, with `report.teamId`
 * nulled otherwise. Join `teams t` on the event's team for it.
 */
function disclosedPayload(visibility: MarkingVisibility, params: unknown[]): { payload: string; join: string } {
  const teamVisible = markingCondition(visibility, params, 't');
  return {
    payload: `CASE WHEN t.id IS NULL OR ${teamVisible} THEN e.payload ELSE jsonb_set(e.payload, '{report,teamId}', 'null'::jsonb) END AS payload`,
    join: `LEFT JOIN teams t ON e.type IN ('report.created', 'report.updated') AND t.id = (e.payload #>> '{report,teamId}')::uuid`,
  };
}

const EVENT_COLUMNS = 'operation_id, seq, type, at, actor_user_id, actor_agency_id, marking, origin_agency_id, recipient_agency_ids, payload';

/**
 * The reads of replay: the operation's state at a moment from the event log (the newest event of
 * each item up to then) and from the stored positions, and the events and thinned tracks of a
 * window. Every read that returns items filters them with the one SQL form of the marking rule,
 * applied to the marking the item had at the moment (the event's), not the one it has now.
 */
@Injectable()
export class ReplayRepository {
  /** The newest seq at or before `at`, visible or not: the log position the state is consistent with. */
  async seqAt(manager: EntityManager, operationId: string, at: string): Promise<number> {
    const [row] = (await manager.query(`SELECT max(seq) AS seq FROM operation_events WHERE operation_id = $1 AND at ${upTo('$2')}`, [operationId, at])) as { seq: string | null }[];
    return row?.seq ? Number(row.seq) : 0;
  }

  /**
   * The newest event of each report or team up to `at`, kept when the viewer may see the item as
   * that event marked it. The inner DISTINCT ON reads every item whatever its marking: an item
   * whose newest event the viewer may not see must vanish, not fall back to an older visible one.
   */
  async itemsAt(
    manager: EntityManager,
    operationId: string,
    at: string,
    types: readonly string[],
    visibility: MarkingVisibility,
    /** Reports only: the newest received this many (the snapshot's cap), chosen before their payloads are read. */
    newestReceived?: number,
  ): Promise<OperationEvent[]> {
    const params: unknown[] = [operationId, at, types];
    const visible = markingCondition(visibility, params, 'newest');
    params.push(newestReceived ?? null);
    const limit = `$${params.length}`;
    const disclosed = disclosedPayload(visibility, params);
    const rows = (await manager.query(
      `WITH newest AS (
         SELECT DISTINCT ON (item_id) item_id, seq, marking, origin_agency_id, recipient_agency_ids
           FROM operation_events
          WHERE operation_id = $1 AND item_id IS NOT NULL AND at ${upTo('$2')} AND type = ANY($3::text[])
          ORDER BY item_id, seq DESC
       ), kept AS (
         SELECT newest.seq FROM newest JOIN operation_events e ON e.operation_id = $1 AND e.seq = newest.seq
          WHERE ${visible}
          ORDER BY e.payload -> 'report' ->> 'receivedAt' DESC NULLS LAST, newest.item_id DESC
          LIMIT ${limit}
       )
       SELECT ${EVENT_COLUMNS_OF_E}, ${disclosed.payload}
         FROM kept JOIN operation_events e ON e.operation_id = $1 AND e.seq = kept.seq
         ${disclosed.join}
        ORDER BY e.seq`,
      params,
    )) as EventRow[];
    return rows.map(toOperationEvent);
  }

  /** The operation's own events (participants, sites, updates) up to `at`, in seq order. */
  async operationEventsUntil(manager: EntityManager, operationId: string, at: string, visibility: MarkingVisibility): Promise<OperationEvent[]> {
    const params: unknown[] = [operationId, at];
    const rows = (await manager.query(
      `SELECT ${EVENT_COLUMNS} FROM operation_events
        WHERE operation_id = $1 AND item_id IS NULL AND at ${upTo('$2')} AND ${markingCondition(visibility, params)}
        ORDER BY seq`,
      params,
    )) as EventRow[];
    return rows.map(toOperationEvent);
  }

  /** The times of the operation's first and last events (null without events). */
  async logSpan(manager: EntityManager, operationId: string): Promise<{ first: string | null; last: string | null }> {
    const [row] = (await manager.query('SELECT min(at) AS first, max(at) AS last FROM operation_events WHERE operation_id = $1', [operationId])) as { first: Date | null; last: Date | null }[];
    return { first: row?.first ? new Date(row.first).toISOString() : null, last: row?.last ? new Date(row.last).toISOString() : null };
  }

  /** Each team's newest position at or before `at` (one index probe per team). */
  async positionsAt(manager: EntityManager, teamIds: readonly string[], at: string): Promise<TeamPosition[]> {
    if (teamIds.length === 0) return [];
    const rows = (await manager.query(
      `SELECT p.team_id, p.lat, p.lon, p.heading, p.speed, p.accuracy, p.at
         FROM unnest($1::uuid[]) AS t(id)
         CROSS JOIN LATERAL (
           SELECT team_id, lat, lon, heading, speed, accuracy, at FROM team_positions
            WHERE team_id = t.id AND at ${upTo('$2')} ORDER BY at DESC LIMIT 1
         ) p`,
      [teamIds, at],
    )) as PositionRow[];
    return rows.map(toTeamPosition);
  }

  /** The visible events of a window, in seq order, at most `limit`. */
  async eventsBetween(manager: EntityManager, operationId: string, from: string, to: string, visibility: MarkingVisibility, limit: number): Promise<OperationEvent[]> {
    const params: unknown[] = [operationId, from, to, limit];
    const visible = markingCondition(visibility, params, 'e');
    const disclosed = disclosedPayload(visibility, params);
    const rows = (await manager.query(
      `SELECT ${EVENT_COLUMNS_OF_E}, ${disclosed.payload}
         FROM operation_events e
         ${disclosed.join}
        WHERE e.operation_id = $1 AND e.at >= ($2::timestamptz + interval '1 millisecond') AND e.at ${upTo('$3')} AND ${visible}
        ORDER BY e.seq
        LIMIT $4`,
      params,
    )) as EventRow[];
    return rows.map(toOperationEvent);
  }

  /**
   * Every report and team event of a window, visible or not, without payloads (its place in the
   * log and its marking), and each such item's newest event before the window: what the
   * window's withdrawals are judged on (`replayWithdrawals`).
   */
  async itemMarkingsAround(manager: EntityManager, operationId: string, from: string, to: string): Promise<{ previous: Map<string, MarkedItemEvent>; events: MarkedItemEvent[] }> {
    const rows = (await manager.query(
      `WITH inside AS (
         SELECT item_id, seq, at, marking, origin_agency_id, recipient_agency_ids FROM operation_events
          WHERE operation_id = $1 AND item_id IS NOT NULL AND at >= ($2::timestamptz + interval '1 millisecond') AND at ${upTo('$3')}
       )
       SELECT false AS before, * FROM inside
       UNION ALL
       SELECT true AS before, p.* FROM (SELECT DISTINCT item_id FROM inside) i
         CROSS JOIN LATERAL (
           SELECT item_id, seq, at, marking, origin_agency_id, recipient_agency_ids FROM operation_events
            WHERE operation_id = $1 AND item_id = i.item_id AND at ${upTo('$2')} ORDER BY seq DESC LIMIT 1
         ) p
       ORDER BY seq`,
      [operationId, from, to],
    )) as { before: boolean; item_id: string; seq: string; at: Date; marking: Marking; origin_agency_id: string; recipient_agency_ids: string[] }[];
    const previous = new Map<string, MarkedItemEvent>();
    const events: MarkedItemEvent[] = [];
    for (const row of rows) {
      const event = { itemId: row.item_id, seq: Number(row.seq), at: new Date(row.at).toISOString(), marking: row.marking, originAgencyId: row.origin_agency_id, recipientAgencyIds: row.recipient_agency_ids };
      if (row.before) previous.set(row.item_id, event);
      else events.push(event);
    }
    return { previous, events };
  }

  /** The operation's first `operation.updated` event (how it was created), or null without one. */
  async firstOperationUpdate(manager: EntityManager, operationId: string): Promise<OperationEvent | null> {
    const rows = (await manager.query(
      `SELECT ${EVENT_COLUMNS} FROM operation_events WHERE operation_id = $1 AND type = 'operation.updated' ORDER BY seq LIMIT 1`,
      [operationId],
    )) as EventRow[];
    return rows.length ? toOperationEvent(rows[0]) : null;
  }

  /**
   * The tracks of the given teams over a window, thinned to the newest position of each time step
   * of `stepSeconds` (what the map can show at the window's scale), oldest first.
   */
  async tracks(manager: EntityManager, teamIds: readonly string[], from: string, to: string, stepSeconds: number): Promise<ReplayTrack[]> {
    if (teamIds.length === 0) return [];
    const rows = (await manager.query(
      `SELECT team_id, lat, lon, at FROM (
         SELECT DISTINCT ON (team_id, floor(extract(epoch FROM at) / $4)) team_id, lat, lon, at
           FROM team_positions
          WHERE team_id = ANY($1::uuid[]) AND at >= $2 AND at ${upTo('$3')}
          ORDER BY team_id, floor(extract(epoch FROM at) / $4), at DESC
       ) thinned
       ORDER BY team_id, at`,
      [teamIds, from, to, stepSeconds],
    )) as { team_id: string; lat: number; lon: number; at: Date }[];
    const tracks = new Map<string, ReplayTrack>();
    for (const row of rows) {
      let track = tracks.get(row.team_id);
      if (!track) tracks.set(row.team_id, (track = { teamId: row.team_id, points: [] }));
      track.points.push({ lat: row.lat, lon: row.lon, at: new Date(row.at).toISOString() });
    }
    return [...tracks.values()];
  }

  /** Every marking each team had up to `to`, in time order: which of its positions a viewer may see. */
  async teamMarkings(manager: EntityManager, operationId: string, to: string): Promise<TeamMarkingSpan[]> {
    const rows = (await manager.query(
      `SELECT item_id, at, marking, origin_agency_id, recipient_agency_ids FROM operation_events
        WHERE operation_id = $1 AND item_id IS NOT NULL AND type = ANY($2::text[]) AND at ${upTo('$3')}
        ORDER BY item_id, seq`,
      [operationId, ['team.created', 'team.updated'], to],
    )) as { item_id: string; at: Date; marking: Marking; origin_agency_id: string; recipient_agency_ids: string[] }[];
    return rows.map((row) => ({
      teamId: row.item_id,
      from: new Date(row.at).getTime(),
      marking: row.marking,
      originAgencyId: row.origin_agency_id,
      recipientAgencyIds: row.recipient_agency_ids,
    }));
  }

  /** How many positions each team stored in a window (the report's team activity). */
  async positionCounts(manager: EntityManager, teamIds: readonly string[], from: string, to: string): Promise<Map<string, number>> {
    if (teamIds.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT team_id, count(*)::int AS n FROM team_positions WHERE team_id = ANY($1::uuid[]) AND at >= $2 AND at <= $3 GROUP BY team_id`,
      [teamIds, from, to],
    )) as { team_id: string; n: number }[];
    return new Map(rows.map((row) => [row.team_id, row.n]));
  }
}
