import { Inject, Injectable } from '@nestjs/common';
import type { DocumentType } from '@lintas/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { documentHash } from './document-hash';

/**
 * Turns a document's country, type and number into the keyed hash (HMAC-SHA-256 with
 * DOCUMENT_HASH_SECRET) that lists and checks are matched on: the database never holds a
 * document number, and without the secret a hash cannot be tested against guessed numbers.
 */
@Injectable()
export class DocumentHasher {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(issuingCountry: string, documentType: DocumentType, documentNumber: string): Buffer {
    return documentHash(this.config.documentHashSecret, issuingCountry, documentType, documentNumber);
  }

  /** Handed to the list import's worker thread, which hashes the list's rows (never logged, never answered). */
  get secret(): string {
    return this.config.documentHashSecret;
  }
}
