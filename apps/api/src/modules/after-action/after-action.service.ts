import { Inject, Injectable } from '@nestjs/common';
import {
  afterActionFigures,
  afterActionMarking,
  afterActionTimeline,
  languageOfTag,
  markingVisibility,
  type AfterActionData,
  type AfterActionQuery,
} from '@lintas/contracts';
import { badRequest } from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DocumentChecksService } from '../document-checks/document-checks.service';
import { TransactionService } from '../../database/transaction.service';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { OperationsService } from '../operations/operations.service';
import { marksOf, ReplayWindowService } from '../replay/replay-window.service';
import { ReplayRepository } from '../replay/replay.repository';
import { SnapshotAtService } from '../replay/snapshot-at.service';
import { UsersRepository } from '../users/users.repository';
import { LessonsService } from './lessons.service';
import { PdfRenderer } from './pdf-renderer';

/** Track points per team on the report's area map. */
const MAP_TRACK_POINTS = 200;
/** Lines of the report's timeline at most (the newest are dropped; the annex lists every report). */
const TIMELINE_LINES = 400;
const EVENTS_READ = 20_000;

/**
 * The after-action report of an operation (or of a window of it): everything is read for the
 * caller as the caller may see it, in one consistent transaction, and handed to the print page;
 * what the caller may not see never reaches Chromium. Each generation is audited.
 */
@Injectable()
export class AfterActionService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly access: AccessService,
    private readonly operations: OperationsService,
    private readonly snapshotAt: SnapshotAtService,
    private readonly windows: ReplayWindowService,
    private readonly replay: ReplayRepository,
    private readonly lessons: LessonsService,
    private readonly audit: AuditService,
    private readonly renderer: PdfRenderer,
    private readonly documentChecks: DocumentChecksService,
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async pdf(user: AuthUser, operationId: string, query: AfterActionQuery): Promise<{ pdf: Buffer; data: AfterActionData }> {
    const data = await this.data(user, operationId, query);
    const pdf = await this.renderer.render(data);
    await this.audit.record({
      userId: user.id,
      agencyId: user.agencyId,
      action: 'operation.after_action_report',
      entityType: 'operation',
      entityId: operationId,
      operationId,
      details: { from: data.period.from, to: data.period.to, marking: data.marking, reports: data.reports.length, bytes: pdf.length },
    });
    return { pdf, data };
  }

  async data(user: AuthUser, operationId: string, query: AfterActionQuery): Promise<AfterActionData> {
    // Document checks as their own read answers them to this caller (per UTC day; the period's days are summed).
    const checkDays = await this.documentChecks.figures(user, operationId);
    const saved = await this.users.findById(user.id);
    return this.transactions.read(async (manager) => {
      const access = await this.access.require(user, operationId, manager);
      const current = await this.operations.getOperation(user, operationId, manager);
      const span = await this.replay.logSpan(manager, operationId);
      const now = new Date().toISOString();
      const from = query.from ?? earliest(current.startsAt, span.first, current.createdAt);
      // A closed operation ends with its last event; an open one is reported up to now.
      const to = query.to ?? (current.status === 'closed' ? (latest(span.last) ?? now) : now);
      if (Date.parse(from) >= Date.parse(to)) throw badRequest('invalid_period', `The report's period is empty: from ${from} is not before to ${to}`);

      const state = await this.snapshotAt.stateAt(user, access, to, manager, null);
      const reports = state.reports
        .filter((report) => Date.parse(report.receivedAt) >= Date.parse(from))
        .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
      const events = await this.replay.eventsBetween(manager, operationId, new Date(Date.parse(from) - 1).toISOString(), to, markingVisibility(access.viewer), EVENTS_READ);
      const timeline = afterActionTimeline(events, marksOf(events)).slice(0, TIMELINE_LINES);
      const stepSeconds = Math.max(1, (Date.parse(to) - Date.parse(from)) / 1000 / MAP_TRACK_POINTS);
      const tracks = await this.windows.tracks(manager, access, from, to, stepSeconds);
      const positions = await this.replay.positionCounts(manager, state.teams.map((team) => team.id), from, to);
      const lessons = await this.lessons.visible(access, manager);
      const days = checkDays.filter((row) => row.day >= from.slice(0, 10) && row.day <= to.slice(0, 10));
      const checks = {
        checks: days.reduce((sum, row) => sum + row.checks, 0),
        potentialHits: days.reduce((sum, row) => sum + row.potentialHits, 0),
        confirmedHits: days.reduce((sum, row) => sum + row.confirmedHits, 0),
      };
      const included = lessons.items.length > 0 ? lessons : null;
      return {
        generatedAt: now,
        generatedBy: { name: user.name, agencyCode: user.agencyCode },
        period: { from, to },
        operation: state.operation,
        figures: afterActionFigures(reports, state.teams, positions, checks),
        timeline,
        lessons: included,
        reports,
        teams: state.teams,
        tracks,
        // The operation's own facts travel as TLP:GREEN (its events are so marked).
        // Check figures carry the marking of document-check results (DOCUMENT_HIT_MARKING).
        marking: afterActionMarking([
          { marking: 'TLP:GREEN' },
          ...reports,
          ...state.teams,
          ...timeline,
          ...(included ? [included] : []),
          ...(checks.checks > 0 ? [{ marking: this.config.documentHitMarking }] : []),
        ]),
        // Printed as the caller reads the dashboard: the language and time display asked for, else the saved ones.
        lang: (query.lang ? languageOfTag(query.lang) : null) ?? saved?.language ?? 'en',
        timeDisplay: query.time ?? saved?.time_display ?? 'local',
        timeZone: query.timeZone ?? state.operation.timeZone ?? 'UTC',
      };
    });
  }
}

function earliest(...times: (string | null)[]): string {
  return times.filter((time): time is string => !!time).sort()[0];
}

function latest(...times: (string | null)[]): string | null {
  return times.filter((time): time is string => !!time).sort().at(-1) ?? null;
}
