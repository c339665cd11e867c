import { Injectable } from '@nestjs/common';
import { mayAdminister, type CreateSite, type Site, type SiteQuery, type UpdateSite } from '@lintas/contracts';
import { conflict, notFound } from '../../common/app-error';
import { isUniqueViolation } from '../../common/pg-errors';
import { TransactionService } from '../../database/transaction.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { requireRole } from '../auth/roles';
import { toSite } from './site.mapper';
import { SitesRepository } from './sites.repository';

/**
 * Border sites are reference data: anyone signed in reads them, administrators maintain them.
 * A retired site is no longer offered or attached, but stays on the operations it was part of.
 */
@Injectable()
export class SitesService {
  constructor(
    private readonly sites: SitesRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async search(query: SiteQuery): Promise<Site[]> {
    return (await this.sites.search(query)).map(toSite);
  }

  async get(id: string): Promise<Site> {
    const row = await this.sites.findById(id);
    if (!row) throw notFound('Site');
    return toSite(row);
  }

  async create(user: AuthUser, input: CreateSite): Promise<Site> {
    requireRole(user, mayAdminister(user), 'admin');
    try {
      return await this.transactions.run(async (tx) => {
        const row = await this.sites.insert(tx.manager, input);
        await this.audit.recordInTransaction(tx, { userId: user.id, agencyId: user.agencyId, action: 'site.create', entityType: 'site', entityId: row.id, details: { site: toSite(row) } });
        return toSite(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('site_code_taken', `A site with the code ${input.code} already exists`);
      throw error;
    }
  }

  async update(user: AuthUser, id: string, changes: UpdateSite): Promise<Site> {
    requireRole(user, mayAdminister(user), 'admin');
    return this.transactions.run(async (tx) => {
      const before = await this.sites.findById(id, tx.manager);
      if (!before) throw notFound('Site');
      const row = await this.sites.update(tx.manager, id, changes);
      if (!row) throw notFound('Site');
      const action = changes.retired === true && before.retired_at === null ? 'site.retire' : changes.retired === false && before.retired_at !== null ? 'site.restore' : 'site.update';
      await this.audit.recordInTransaction(tx, { userId: user.id, agencyId: user.agencyId, action, entityType: 'site', entityId: id, details: { before: toSite(before), changes } });
      return toSite(row);
    });
  }
}
