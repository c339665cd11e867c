import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OperationRole, OperationStatus, Viewer } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { conflict, forbidden, notFound } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';

/** What every authorization decision about one operation needs to know. */
export interface OperationAccess {
  operationId: string;
  status: OperationStatus;
  exercise: boolean;
  leadAgencyId: string;
  /** The caller's agency's role in the operation. */
  role: OperationRole;
  /** The caller as the handling-marking rule sees it. */
  viewer: Viewer;
}

/**
 * Membership checks for every path into an operation, REST and socket alike. An operation the
 * caller's agency does not take part in answers 404, exactly like one that does not exist.
 */
@Injectable()
export class OperationAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async require(user: AuthUser, operationId: string, manager: EntityManager = this.dataSource.manager): Promise<OperationAccess> {
    const rows = (await manager.query(
      `SELECT o.id, o.status, o.exercise, o.lead_agency_id, p.role
         FROM operations o JOIN operation_participants p ON p.operation_id = o.id AND p.agency_id = $2
        WHERE o.id = $1`,
      [operationId, user.agencyId],
    )) as { id: string; status: OperationStatus; exercise: boolean; lead_agency_id: string; role: OperationRole }[];
    const row = rows[0];
    if (!row) throw notFound('Operation');
    return {
      operationId: row.id,
      status: row.status,
      exercise: row.exercise,
      leadAgencyId: row.lead_agency_id,
      role: row.role,
      viewer: { agencyId: user.agencyId, operationRole: row.role },
    };
  }

  /** Only commanders of the lead agency change an operation. */
  async requireLeadCommander(user: AuthUser, operationId: string, manager?: EntityManager): Promise<OperationAccess> {
    const access = await this.require(user, operationId, manager);
    if (access.role !== 'lead' || (user.role !== 'commander' && user.role !== 'admin')) {
      throw forbidden('lead_commander_required', 'Only a commander of the lead agency may change this operation');
    }
    return access;
  }

  /** Writing into an operation (reports, teams, positions) needs it open and the agency not an observer. */
  async requireWriter(user: AuthUser, operationId: string, manager?: EntityManager): Promise<OperationAccess> {
    return this.assertWriter(user, await this.require(user, operationId, manager));
  }

  /** `requireWriter`'s checks on access already read (no second query in the same transaction). */
  assertWriter(user: AuthUser, access: OperationAccess): OperationAccess {
    if (access.role === 'observer') throw forbidden('observer_read_only', 'Observing agencies cannot write into this operation');
    if (user.role === 'liaison') throw forbidden('liaison_read_only', 'Liaison accounts are read-only');
    if (access.status === 'closed') throw conflict('operation_closed', 'The operation is closed; it accepts no more changes');
    return access;
  }
}
