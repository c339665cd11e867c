import { Injectable } from '@nestjs/common';
import { canView, mayBindTakDevice, type TakDevice } from '@lintas/contracts';
import { conflict, forbidden, notFound } from '../../common/app-error';
import { TransactionService } from '../../database/transaction.service';
import { AccessService, type OperationAccess, type TeamForWriter } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { TakDevicesRepository } from './tak-devices.repository';

/**
 * Binding TAK devices to teams. Listing: whoever may see the team. Binding and unbinding: a
 * commander (or admin) of the team's agency, in an open operation (`mayBindTakDevice`); each is
 * audited. A uid belongs to one team at a time: binding it again to the same team answers the
 * binding as it is; to another team, 409.
 */
@Injectable()
export class TakDevicesService {
  constructor(
    private readonly devices: TakDevicesRepository,
    private readonly access: AccessService,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, operationId: string, teamId: string): Promise<TakDevice[]> {
    const access = await this.access.require(user, operationId);
    await this.visibleTeam(user, access, teamId);
    return this.devices.listForTeam(teamId);
  }

  async bind(user: AuthUser, operationId: string, teamId: string, uid: string): Promise<{ device: TakDevice; created: boolean }> {
    return this.transactions.run(async (tx) => {
      const access = await this.access.require(user, operationId, tx.manager);
      const team = await this.visibleTeam(user, access, teamId);
      this.assertMayBind(user, access, team);
      const created = await this.devices.insertIfAbsent(tx.manager, { uid, operationId, teamId, userId: user.id });
      const device = await this.devices.find(uid, tx.manager);
      if (!device) throw conflict('device_bound_elsewhere', 'The device was unbound meanwhile; try again');
      if (device.teamId !== teamId) throw conflict('device_bound_elsewhere', `The device ${uid} is bound to another team; unbind it there first`);
      if (created) {
        await this.audit.recordInTransaction(tx, {
          userId: user.id,
          agencyId: user.agencyId,
          action: 'tak.device_bound',
          entityType: 'team',
          entityId: teamId,
          operationId,
          details: { uid },
        });
      }
      return { device, created };
    });
  }

  async unbind(user: AuthUser, operationId: string, teamId: string, uid: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const access = await this.access.require(user, operationId, tx.manager);
      const team = await this.visibleTeam(user, access, teamId);
      this.assertMayBind(user, access, team);
      if (!(await this.devices.delete(tx.manager, uid, teamId))) throw notFound('Device');
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: 'tak.device_unbound',
        entityType: 'team',
        entityId: teamId,
        operationId,
        details: { uid },
      });
    });
  }

  private assertMayBind(user: AuthUser, access: OperationAccess, team: TeamForWriter): void {
    this.access.assertWriter(user, access);
    if (!mayBindTakDevice(user, team)) throw forbidden('team_commander_required', "Only a commander of the team's agency may bind its TAK devices");
  }

  private async visibleTeam(user: AuthUser, access: OperationAccess, teamId: string): Promise<TeamForWriter> {
    const team = await this.access.teamInOperation(user, access.operationId, teamId);
    if (!team || !canView(team, access.viewer)) throw notFound('Team');
    return team;
  }
}
