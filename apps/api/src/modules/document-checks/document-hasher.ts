import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { documentKey, type DocumentType } from '@lintas/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';

/**
 * Turns a document's country, type and number into the keyed hash (HMAC-SHA-256 with
 * DOCUMENT_HASH_SECRET) that lists and checks are matched on: the database never holds a
 * document number, and without the secret a hash cannot be tested against guessed numbers.
 */
@Injectable()
export class DocumentHasher {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(issuingCountry: string, documentType: DocumentType, documentNumber: string): Buffer {
    return createHmac('sha256', this.config.documentHashSecret).update(documentKey(issuingCountry, documentType, documentNumber)).digest();
  }
}
