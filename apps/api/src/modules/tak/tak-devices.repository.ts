import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TakDevice, UserRole } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';

interface DeviceRow {
  uid: string;
  operation_id: string;
  team_id: string;
  bound_by: string;
  bound_by_name: string;
  bound_at: Date;
}

/** A bound device as the CoT listener needs it: its team, and the commander it posts as (re-read each time: a disabled account stops it). */
export interface DeviceBinding {
  uid: string;
  operationId: string;
  teamId: string;
  user: { id: string; email: string; name: string; role: UserRole; agencyId: string; agencyCode: string; disabled: boolean };
}

const SELECT_DEVICE = `
  SELECT d.uid, d.operation_id, d.team_id, d.bound_by, u.name AS bound_by_name, d.bound_at
    FROM tak_devices d JOIN users u ON u.id = d.bound_by`;

@Injectable()
export class TakDevicesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listForTeam(teamId: string): Promise<TakDevice[]> {
    const rows = (await this.dataSource.query(`${SELECT_DEVICE} WHERE d.team_id = $1 ORDER BY d.bound_at, d.uid`, [teamId])) as DeviceRow[];
    return rows.map(toDevice);
  }

  async find(uid: string, manager: EntityManager = this.dataSource.manager): Promise<TakDevice | null> {
    const rows = (await manager.query(`${SELECT_DEVICE} WHERE d.uid = $1`, [uid])) as DeviceRow[];
    return rows[0] ? toDevice(rows[0]) : null;
  }

  /** Binds the uid to the team unless it is bound already (to this team or another): answers whether it stored. */
  async insertIfAbsent(manager: EntityManager, device: { uid: string; operationId: string; teamId: string; userId: string }): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO tak_devices (uid, operation_id, team_id, bound_by) VALUES ($1, $2, $3, $4) ON CONFLICT (uid) DO NOTHING RETURNING uid`,
      [device.uid, device.operationId, device.teamId, device.userId],
    )) as unknown[];
    return rows.length === 1;
  }

  async delete(manager: EntityManager, uid: string, teamId: string): Promise<boolean> {
    const [, count] = (await manager.query('DELETE FROM tak_devices WHERE uid = $1 AND team_id = $2', [uid, teamId])) as [unknown, number];
    return count > 0;
  }

  async binding(uid: string): Promise<DeviceBinding | null> {
    const rows = (await this.dataSource.query(
      `SELECT d.uid, d.operation_id, d.team_id, u.id AS user_id, u.email, u.name, u.role, u.agency_id, a.code AS agency_code, u.disabled
         FROM tak_devices d JOIN users u ON u.id = d.bound_by JOIN agencies a ON a.id = u.agency_id
        WHERE d.uid = $1`,
      [uid],
    )) as {
      uid: string;
      operation_id: string;
      team_id: string;
      user_id: string;
      email: string;
      name: string;
      role: UserRole;
      agency_id: string;
      agency_code: string;
      disabled: boolean;
    }[];
    const row = rows[0];
    if (!row) return null;
    return {
      uid: row.uid,
      operationId: row.operation_id,
      teamId: row.team_id,
      user: { id: row.user_id, email: row.email, name: row.name, role: row.role, agencyId: row.agency_id, agencyCode: row.agency_code, disabled: row.disabled },
    };
  }
}

function toDevice(row: DeviceRow): TakDevice {
  return {
    uid: row.uid,
    operationId: row.operation_id,
    teamId: row.team_id,
    boundAt: row.bound_at.toISOString(),
    boundBy: { userId: row.bound_by, name: row.bound_by_name },
  };
}
