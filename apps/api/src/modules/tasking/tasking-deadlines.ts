import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { isInsidePolygon, isOutsideTaskArea, isWatchedAreaLapsing } from '@lintas/contracts';
import { Clock } from '../../common/clock';
import { isDatabaseUnavailable } from '../../common/pg-errors';
import { TransactionService, type WriteTransaction } from '../../database/transaction.service';
import { AuditService } from '../audit/audit.service';
import type { NewEvent } from '../event-log/event-log.repository';
import { EventLogService } from '../event-log/event-log.service';
import { toRequest, toTask } from './tasking.mapper';
import { TaskingRepository } from './tasking.repository';
import { toWatchedArea, WatchedAreasRepository } from './watched-areas.repository';

export interface SweepResult {
  tasks: number;
  requests: number;
  leftArea: number;
  /** Watched areas found without a team for their threshold (alerted). */
  watchedLapsed: number;
}

/** The marked row a sweep changes (a task, a request, a watched area): its event is marked like it. */
interface SweptRow {
  id: string;
  operation_id: string;
  marking: NewEvent['marking'];
  origin_agency_id: string;
  recipient_agency_ids: string[];
}

interface SweepChange extends Pick<NewEvent, 'data' | 'itemVersionOf'> {
  /** The audit action, e.g. `task.overdue`. */
  action: string;
  entityType: string;
  details: Record<string, unknown>;
}

/** How often the deadlines are checked. A deadline is minutes long: a few seconds late is on time. */
const SWEEP_EVERY_MS = 5_000;
const BATCH = 100;

/**
 * Acknowledgement deadlines. A task still assigned at its `ackDueAt` is flagged overdue once,
 * with a `task.overdue` event that alerts its author; a request still open at its `answerDueAt`
 * is flagged overdue (`request.updated`) and escalated to the lead agency (`request.escalated`).
 * Rows are claimed with SKIP LOCKED, so several API instances sweep without doing a deadline
 * twice, and each flag commits with its event and audit row. Time comes from the injected
 * `Clock`: tests move it instead of waiting.
 */
@Injectable()
export class TaskingDeadlines implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TaskingDeadlines.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly repository: TaskingRepository,
    private readonly watchedAreas: WatchedAreasRepository,
    private readonly transactions: TransactionService,
    private readonly events: EventLogService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweepQuietly(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Flags everything due at `now`; answers how many tasks and requests it flagged. */
  async sweep(now: Date = this.clock.now()): Promise<SweepResult> {
    // One sweep at a time on this instance (the timer and a test's call do not overlap).
    while (this.running) await this.running.catch(() => undefined);
    const work = this.sweepAll(now);
    this.running = work;
    try {
      return await work;
    } finally {
      this.running = null;
    }
  }

  private async sweepAll(now: Date): Promise<SweepResult> {
    const at = now.toISOString();
    const tasks = await this.inBatches((tx) => this.repository.claimOverdueTasks(tx.manager, at, BATCH), (tx, row) =>
      this.recordSweepChange(tx, row, {
        action: 'task.overdue',
        entityType: 'task',
        details: { ackDueAt: new Date(row.ack_due_at).toISOString() },
        data: { type: 'task.overdue', task: toTask(row), alertUserIds: [row.author_user_id] },
        itemVersionOf: { kind: 'task', id: row.id },
      }),
    );
    const requests = await this.inBatches((tx) => this.repository.claimOverdueRequests(tx.manager, at, BATCH), async (tx, row) => {
      await this.recordSweepChange(tx, row, {
        action: 'request.escalate',
        entityType: 'agency_request',
        details: { answerDueAt: new Date(row.answer_due_at).toISOString(), toAgencyId: row.to_agency_id },
        data: { type: 'request.updated', request: toRequest(row) },
        itemVersionOf: { kind: 'request', id: row.id },
      });
      // To the lead agency (and the sender): marked so that nothing of a TLP:RED request's content travels with it.
      await this.events.append(tx, {
        operationId: row.operation_id,
        actor: null,
        marking: 'TLP:AMBER+STRICT',
        originAgencyId: row.origin_agency_id,
        recipientAgencyIds: [],
        data: {
          type: 'request.escalated',
          requestId: row.id,
          fromAgencyId: row.origin_agency_id,
          toAgencyId: row.to_agency_id,
          answerDueAt: new Date(row.answer_due_at).toISOString(),
        },
      });
    });
    const leftArea = await this.sweepAreas(at);
    const watchedLapsed = await this.sweepWatchedAreas(now);
    return { tasks, requests, leftArea, watchedLapsed };
  }

  /**
   * Claims rows `BATCH` at a time, each batch in its own transaction with what `handle` writes for
   * its rows, until a batch comes back short; answers how many rows were handled.
   */
  private async inBatches<R>(claim: (tx: WriteTransaction) => Promise<R[]>, handle: (tx: WriteTransaction, row: R) => Promise<void>): Promise<number> {
    let handled = 0;
    for (;;) {
      const flagged = await this.transactions.run(async (tx) => {
        const rows = await claim(tx);
        for (const row of rows) await handle(tx, row);
        return rows.length;
      });
      handled += flagged;
      if (flagged < BATCH) return handled;
    }
  }

  /** What the sweep changed on a marked row: its audit row (no user: the system did it) and its event, marked like the row. */
  private async recordSweepChange(tx: WriteTransaction, row: SweptRow, change: SweepChange): Promise<void> {
    await this.audit.recordInTransaction(tx, {
      userId: null, agencyId: null, action: change.action, entityType: change.entityType, entityId: row.id, operationId: row.operation_id, details: change.details,
    });
    await this.events.append(tx, {
      operationId: row.operation_id,
      actor: null,
      marking: row.marking,
      originAgencyId: row.origin_agency_id,
      recipientAgencyIds: row.recipient_agency_ids,
      data: change.data,
      itemVersionOf: change.itemVersionOf,
    });
  }

  /**
   * Teams tasked to patrol or hold an area: one found outside it (by its last position) flags the
   * task once and alerts its author (`task.left_area`); back inside, the flag is cleared quietly, so
   * that the next exit alerts again.
   */
  private async sweepAreas(at: string): Promise<number> {
    return this.transactions.run(async (tx) => {
      const rows = await this.repository.areaTasks(tx.manager, 500);
      const position = (row: (typeof rows)[number]) => (row.last_lat === null || row.last_lon === null ? null : { lat: row.last_lat, lon: row.last_lon });
      const outside = rows.filter((row) => isOutsideTaskArea(toTask(row), position(row)));
      const back = rows.filter((row) => row.left_area && !outside.includes(row));
      const leaving = outside.filter((row) => !row.left_area);
      await this.repository.setLeftArea(tx.manager, back.map((row) => row.id), false, at);
      await this.repository.setLeftArea(tx.manager, leaving.map((row) => row.id), true, at);
      for (const row of leaving) {
        await this.recordSweepChange(tx, row, {
          action: 'task.left_area',
          entityType: 'task',
          details: { lat: row.last_lat, lon: row.last_lon },
          data: {
            type: 'task.left_area',
            task: { ...toTask(row), leftArea: true },
            alertUserIds: [row.author_user_id],
            position: { lat: row.last_lat!, lon: row.last_lon!, at: new Date(row.last_position_at ?? at).toISOString() },
          },
          itemVersionOf: { kind: 'task', id: row.id },
        });
      }
      return leaving.length;
    });
  }

  /**
   * Watched areas: a team of the operation whose last position (newer than recorded) is inside
   * re-arms the area; an area without a team for its threshold alerts its author once
   * (`watched_area.lapsed`), until a team is seen inside again.
   */
  private async sweepWatchedAreas(now: Date): Promise<number> {
    const at = now.toISOString();
    return this.transactions.run(async (tx) => {
      const rows = await this.watchedAreas.claimForSweep(tx.manager, 500);
      const positions = await this.watchedAreas.teamPositions(tx.manager, [...new Set(rows.map((row) => row.operation_id))]);
      let lapsed = 0;
      for (const row of rows) {
        const rings = row.area.coordinates as unknown as [number, number][][];
        const seenInside = positions
          .filter((p) => p.operation_id === row.operation_id && isInsidePolygon({ lat: p.last_lat, lon: p.last_lon }, rings))
          .reduce<Date | null>((latest, p) => (latest === null || p.last_position_at > latest ? new Date(p.last_position_at) : latest), null);
        if (seenInside !== null && seenInside > new Date(row.last_team_inside_at)) {
          await this.watchedAreas.sawTeamInside(tx.manager, row.id, seenInside.toISOString(), at);
          row.last_team_inside_at = seenInside;
          row.lapsed = false;
        }
        if (!isWatchedAreaLapsing(toWatchedArea(row), now)) continue;
        await this.watchedAreas.setLapsed(tx.manager, row.id, at);
        await this.recordSweepChange(tx, row, {
          action: 'watched_area.lapsed',
          entityType: 'watched_area',
          details: { lastTeamInsideAt: new Date(row.last_team_inside_at).toISOString(), noTeamMinutes: row.no_team_minutes },
          data: { type: 'watched_area.lapsed', watchedArea: { ...toWatchedArea(row), lapsed: true }, alertUserIds: [row.author_user_id] },
          itemVersionOf: { kind: 'watchedArea', id: row.id },
        });
        lapsed++;
      }
      return lapsed;
    });
  }

  private async sweepQuietly(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      const log = isDatabaseUnavailable(error) ? this.logger.warn.bind(this.logger) : this.logger.error.bind(this.logger);
      log(`deadline sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
