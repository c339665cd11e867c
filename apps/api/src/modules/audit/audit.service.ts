import { Injectable } from '@nestjs/common';
import type { WriteTransaction } from '../../database/transaction.service';
import { AuditRepository, type AuditEntry } from './audit.repository';

/** The append-only audit trail: who saw and changed what, when. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /** Inside a write: the audit row commits with the change, or not at all. */
  recordInTransaction(tx: WriteTransaction, entry: AuditEntry): Promise<void> {
    return this.repository.insert(entry, tx.manager);
  }

  /** Reads and refusals, outside any write. */
  record(entry: AuditEntry): Promise<void> {
    return this.repository.insert(entry);
  }
}
