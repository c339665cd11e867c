import type { AgencyKind, SetPasswordLink } from '@lintas/contracts';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import type { WriteTransaction } from '../../database/transaction.service';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { AuditRepository } from '../audit/audit.repository';
import { PasswordTokensRepository } from '../auth/password-tokens.repository';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { SetPasswordLinks } from '../auth/set-password-links';
import { UsersRepository } from './users.repository';

export interface FirstAdministratorInput {
  email: string;
  name: string;
  agency: { code: string; name: string; country: string | null; kind: AgencyKind };
}

export interface FirstAdministratorResult {
  created: { agency: boolean; user: boolean };
  link: SetPasswordLink;
}

/**
 * The command line's way in for a new installation, where nobody can sign in yet (demo data is off
 * in production): the administrator's agency (made when missing) and account, with a one-time
 * set-password link, as the administration screen gives. Run again for an existing administrator, it
 * forgets the password and gives a new link (a lost password, with nobody left to reset it).
 * The same repositories as the API, one transaction, audited with no user (the system).
 */
export async function createFirstAdministrator(dataSource: DataSource, config: AppConfig, input: FirstAdministratorInput): Promise<FirstAdministratorResult> {
  const agencies = new AgenciesRepository(dataSource);
  const users = new UsersRepository(dataSource);
  const refreshTokens = new RefreshTokensRepository(dataSource);
  const audit = new AuditRepository(dataSource);
  const links = new SetPasswordLinks(config, new PasswordTokensRepository(dataSource));
  return dataSource.transaction('READ COMMITTED', async (manager) => {
    const tx: WriteTransaction = { manager, afterCommit: () => undefined };
    let agency = await agencies.findByCode(input.agency.code, manager);
    const agencyCreated = !agency;
    if (!agency) {
      agency = await agencies.insert(manager, input.agency);
      await audit.insert({ userId: null, agencyId: null, action: 'agency.create', entityType: 'agency', entityId: agency.id, details: { agency: input.agency, by: 'command line' } }, manager);
    }
    const existing = await users.findByEmail(input.email);
    if (existing && existing.role !== 'admin') throw new Error(`${input.email} exists and is not an administrator; change it in the administration screen`);
    let userId: string;
    if (existing) {
      userId = existing.id;
      await users.setPasswordHash(manager, userId, null);
      await users.update(manager, userId, { disabled: false });
      await refreshTokens.revokeAllForUser(manager, userId);
      await audit.insert({ userId: null, agencyId: null, action: 'user.password_reset', entityType: 'user', entityId: userId, details: { by: 'command line' } }, manager);
    } else {
      userId = await users.insert(manager, { email: input.email, name: input.name, role: 'admin', agencyId: agency.id, passwordHash: null });
      await audit.insert({ userId: null, agencyId: null, action: 'user.create', entityType: 'user', entityId: userId, details: { email: input.email, role: 'admin', agencyId: agency.id, by: 'command line' } }, manager);
    }
    const link = await links.issue(tx, userId, null);
    return { created: { agency: agencyCreated, user: !existing }, link };
  });
}
