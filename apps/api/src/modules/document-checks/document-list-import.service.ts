import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { mayImportDocumentList, type DocumentListImportReport } from '@lintas/contracts';
import type { EntityManager } from 'typeorm';
import { AppError, forbidden, notFound, unavailable } from '../../common/app-error';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DocumentHasher } from './document-hasher';
import { DocumentListsRepository } from './document-lists.repository';
import { DocumentListReader, ListReaderFailure } from './document-list-reader';

/** Rows per INSERT: large enough that a million rows take 200 statements, small enough to keep memory flat. */
const BATCH = 5_000;
/** Rejected rows listed in the answer (all of them are counted). */
const REJECTED_SHOWN = 1_000;

/**
 * Imports an agency's stolen and lost documents list from CSV, streamed: the file is read as it
 * arrives (in a worker thread: `DocumentListReader`) and written in batches inside one transaction, so a million rows never sit in memory and
 * the new version replaces the old in one step (COMMIT). Any invalid row refuses the whole file
 * (every rejected row reported with its line), leaving the list in force untouched: a list with
 * holes would answer "no hit" for documents it should know. The same file again is a no-op.
 */
@Injectable()
export class DocumentListImportService {
  private readonly log = new Logger(DocumentListImportService.name);

  constructor(
    private readonly lists: DocumentListsRepository,
    private readonly hasher: DocumentHasher,
    private readonly audit: AuditService,
  ) {}

  async import(user: AuthUser, agencyCode: string, body: Readable): Promise<DocumentListImportReport> {
    const agencyId = await this.lists.agencyIdByCode(agencyCode);
    if (!agencyId) throw notFound('Agency');
    if (!mayImportDocumentList(user, agencyId)) throw forbidden('list_import_not_allowed', 'Only an administrator or a commander of this agency may import its list');

    const reader = DocumentListReader.start(body, { secret: this.hasher.secret, batchSize: BATCH, rejectedShown: REJECTED_SHOWN });
    const runner = this.lists.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction('READ COMMITTED');
      const manager = runner.manager;
      const inForce = await this.lists.lockListInForce(manager, agencyId);
      await this.lists.deleteEntries(manager, agencyId);

      // The rows are read, checked and hashed in the reader's thread; here only their INSERTs.
      const batches = reader.batches();
      let next = await batches.next();
      while (!next.done) {
        await this.lists.insertEntries(manager, agencyId, next.value);
        next = await batches.next();
      }
      const { header, rowsRead, rowsAccepted: accepted, rejectedCount, rejected, fileSha256 } = next.value;
      if (!header) {
        body.resume();
        throw new AppError(400, 'document_list_header', 'The first line must be the header issuingCountry,documentType,documentNumber,status,source,reportedAt');
      }
      const report = (outcome: DocumentListImportReport['outcome'], version: number | null): DocumentListImportReport => ({
        agencyCode,
        outcome,
        version,
        rowsRead,
        rowsAccepted: accepted,
        rejectedCount,
        rejected,
        fileSha256,
      });
      if (rejectedCount > 0) {
        await runner.rollbackTransaction();
        await this.record(user, agencyId, 'document_list.import_refused', { rowsRead, rejectedCount, fileSha256 });
        throw new AppError(
          400,
          'document_list_rejected',
          `${rejectedCount} of ${rowsRead} rows are not valid; the list in force is unchanged`,
          rejected.map((row) => ({ path: `line ${row.line}`, message: row.message })),
        );
      }
      if (inForce && inForce.fileSha256 === fileSha256) {
        await runner.rollbackTransaction();
        return report('unchanged', inForce.version);
      }
      const version = (inForce?.version ?? 0) + 1;
      await this.lists.saveListInForce(manager, agencyId, { version, fileSha256, rowCount: accepted }, user.id);
      await this.audit.recordInTransaction(
        { manager, afterCommit: () => undefined },
        { userId: user.id, agencyId: user.agencyId, action: 'document_list.import', entityType: 'document_list', entityId: agencyId, details: { version, rows: accepted, fileSha256 } },
      );
      await runner.commitTransaction();
      await this.settle(runner.manager);
      return report('applied', version);
    } catch (error) {
      body.resume();
      // The connection may be gone (the database restarted): the rollback is then PostgreSQL's own.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw csvFailure(error) ?? readerFailure(error) ?? error;
    } finally {
      await reader.stop();
      await runner.release();
    }
  }

  /**
   * After the swap: a million rows inserted (and as many deleted) in one transaction leave the table
   * unanalysed and its pages not yet marked all-visible, and autovacuum would vacuum and analyse it
   * within its next naptime (a minute), at whatever moment checks are being answered. Done here, the
   * import pays for it (it only reads the new pages once more) and the checks after it do not. The list is
   * already in force: a failure is logged, not answered (autovacuum will do it later).
   */
  private async settle(manager: EntityManager): Promise<void> {
    try {
      await this.lists.settleAfterImport(manager);
    } catch (error) {
      this.log.warn(`VACUUM (ANALYZE) of document_list_entries after the import failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private record(user: AuthUser, agencyId: string, action: string, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({ userId: user.id, agencyId: user.agencyId, action, entityType: 'document_list', entityId: agencyId, details });
  }
}

/** The reading thread failed (it ran out of memory, or the upload broke off): the server's side, so 503, and nothing changed. */
function readerFailure(error: unknown): AppError | null {
  if (!(error instanceof ListReaderFailure)) return null;
  return unavailable('service_unavailable', `The list could not be read (${error.message}); the list in force is unchanged, try again`);
}

/** A file csv-parse cannot read (an unclosed quote…): refused like an invalid row, with its line. */
function csvFailure(error: unknown): AppError | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('CSV_')) return null;
  const line = Number((error as { lines?: unknown }).lines) || 0;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(400, 'document_list_rejected', `The file is not valid CSV at line ${line}; the list in force is unchanged`, [{ path: `line ${line}`, message }]);
}
