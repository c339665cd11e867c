import { createHmac, randomBytes } from 'node:crypto';
import type { Marking, OperationRole, OperationStatus } from '@lintas/contracts';
import type { Fixtures } from './fixtures';

/**
 * Operations, teams and sites written straight into the test database, so that report specs do
 * not depend on the operations and teams endpoints.
 */
export async function arrangeOperation(
  db: Fixtures,
  fields: { leadAgencyId: string; members?: { agencyId: string; role: Exclude<OperationRole, 'lead'> }[]; status?: OperationStatus; code?: string },
): Promise<{ id: string }> {
  const code = fields.code ?? `OP-${randomBytes(4).toString('hex').toUpperCase()}`;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO operations (code, name, status, lead_agency_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [code, `Operation ${code}`, fields.status ?? 'active', fields.leadAgencyId],
  );
  await db.query(`INSERT INTO operation_participants (operation_id, agency_id, role) VALUES ($1, $2, 'lead')`, [row.id, fields.leadAgencyId]);
  for (const member of fields.members ?? []) {
    await db.query('INSERT INTO operation_participants (operation_id, agency_id, role) VALUES ($1, $2, $3)', [row.id, member.agencyId, member.role]);
  }
  return row;
}

export async function arrangeTeam(
  db: Fixtures,
  fields: { operationId: string; agencyId: string; memberUserIds?: string[]; callSign?: string; marking?: Marking; recipientAgencyIds?: string[] },
): Promise<{ id: string }> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO teams (operation_id, agency_id, call_sign, size, status, marking, recipient_agency_ids)
     VALUES ($1, $2, $3, 4, 'on_station', $4, $5) RETURNING id`,
    [
      fields.operationId,
      fields.agencyId,
      fields.callSign ?? `T-${randomBytes(3).toString('hex').toUpperCase()}`,
      fields.marking ?? 'TLP:GREEN',
      fields.recipientAgencyIds ?? [],
    ],
  );
  for (const userId of fields.memberUserIds ?? []) {
    await db.query('INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)', [row.id, userId]);
  }
  return row;
}

export async function arrangeSite(db: Fixtures): Promise<{ id: string }> {
  const code = `test-site-${randomBytes(4).toString('hex')}`;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO sites (code, name, kind, country, lat, lon) VALUES ($1, 'Test crossing', 'land', 'KH', 11.07, 106.17) RETURNING id`,
    [code],
  );
  return row;
}

/** The access token re-signed with the test secret and an expiry in the past: the same user and sign-in, expired. */
export function expiredTokenOf(accessToken: string, secret = 'test-secret-test-secret-test-secret-0123'): string {
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as { sub: string; sid: string };
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: claims.sub, sid: claims.sid, iat: now - 7200, exp: now - 3600 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
