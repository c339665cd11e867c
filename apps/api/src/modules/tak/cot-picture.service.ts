import { Inject, Injectable } from '@nestjs/common';
import { canView, type Marking, type MarkedItem, type OperationEvent, type Team, type Viewer } from '@lintas/contracts';
import { filter, type Subscription } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessService, type OperationAccess } from '../access/access.service';
import { OperationEventBus } from '../event-log/operation-event-bus';
import { PositionBus } from '../positions/position-bus';
import { ReportsService } from '../reports/reports.service';
import { TeamsService } from '../teams/teams.service';
import { deleteCot, reportCot, reportUid, teamCot, type CotContext } from './cot-writer';
import type { DeviceBinding } from './tak-devices.repository';

/** The newest reports a device receives when it joins; later ones arrive live. */
const INITIAL_REPORTS = 200;
const LIVE_STALE_MS = 10 * 60_000;

/**
 * The operation's picture sent to a bound TAK device on its own connection: other teams'
 * positions and the reports the marking rule shows the device's agency AND whose marking is
 * released to TAK (TLP:CLEAR and TLP:GREEN by default, `COT_RELEASE_MARKINGS`), since a TAK
 * client shows no per-item marking. First what is there now, then every committed change.
 */
@Injectable()
export class CotPictureService {
  private readonly released: readonly Marking[];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly access: AccessService,
    private readonly teams: TeamsService,
    private readonly reports: ReportsService,
    private readonly positionBus: PositionBus,
    private readonly eventBus: OperationEventBus,
  ) {
    this.released = config.cot?.releaseMarkings ?? ['TLP:CLEAR', 'TLP:GREEN'];
  }

  /** Starts sending; answers the function that stops. */
  async attach(binding: DeviceBinding, send: (xml: string) => void): Promise<() => void> {
    const user = binding.user;
    const access = await this.access.require(
      { id: user.id, email: user.email, name: user.name, role: user.role, agencyId: user.agencyId, agencyCode: user.agencyCode },
      binding.operationId,
    );
    const releasedTo = (item: MarkedItem, viewer: Viewer) => this.released.includes(item.marking) && canView(item, viewer);
    const context = (): CotContext => ({ exercise: access.exercise, now: new Date(), staleMs: LIVE_STALE_MS });
    const known = new Map<string, Team>();
    /** Reports this device holds: one no longer released (amended to TLP:AMBER, say) is deleted from it. */
    const held = new Set<string>();
    const subscriptions: Subscription[] = [];

    subscriptions.push(
      this.eventBus.events$.pipe(filter((event) => event.operationId === binding.operationId)).subscribe((event) => {
        this.onEvent(event, access, known, held, releasedTo, context, send);
      }),
      this.positionBus.positions$
        .pipe(filter((update) => update.team.operationId === binding.operationId && update.team.id !== binding.teamId))
        .subscribe((update) => {
          const team = known.get(update.team.id);
          if (!team || !releasedTo(update.team, access.viewer)) return;
          const moved = { ...team, lastPosition: update.position };
          known.set(team.id, moved);
          const xml = teamCot(moved, context());
          if (xml) send(xml);
        }),
    );

    for (const team of await this.teams.listForOperation(access)) {
      known.set(team.id, team);
      if (team.id === binding.teamId || !releasedTo({ marking: team.marking, originAgencyId: team.agency.id, recipientAgencyIds: team.recipientAgencyIds }, access.viewer)) continue;
      const xml = teamCot(team, context());
      if (xml) send(xml);
    }
    for await (const page of this.reports.visiblePages(access, { marking: [...this.released] }, INITIAL_REPORTS)) {
      for (const report of page) {
        const xml = reportCot(report, context());
        if (!xml) continue;
        held.add(report.id);
        send(xml);
      }
      break;
    }
    return () => subscriptions.forEach((subscription) => subscription.unsubscribe());
  }

  private onEvent(
    event: OperationEvent,
    access: OperationAccess,
    known: Map<string, Team>,
    held: Set<string>,
    releasedTo: (item: MarkedItem, viewer: Viewer) => boolean,
    context: () => CotContext,
    send: (xml: string) => void,
  ): void {
    if (event.type === 'team.created' || event.type === 'team.updated') {
      known.set(event.team.id, { ...event.team, lastPosition: known.get(event.team.id)?.lastPosition ?? event.team.lastPosition });
      return;
    }
    if (event.type !== 'report.created' && event.type !== 'report.updated') return;
    const report = event.report;
    if (!releasedTo({ marking: report.marking, originAgencyId: report.originAgency.id, recipientAgencyIds: report.recipientAgencyIds }, access.viewer)) {
      if (held.delete(report.id)) send(deleteCot(reportUid(report.id), new Date()));
      return;
    }
    const xml = reportCot(report, context());
    if (!xml) return;
    held.add(report.id);
    send(xml);
  }
}
