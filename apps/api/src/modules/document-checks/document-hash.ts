import { createHmac } from 'node:crypto';
import { documentKey, type DocumentType } from '@lintas/contracts';

/**
 * The keyed hash (HMAC-SHA-256) of a document's normalised country, type and number that lists and
 * checks are matched on. A plain function, so that the list import's worker thread hashes exactly
 * as the checks do.
 */
export function documentHash(secret: string, issuingCountry: string, documentType: DocumentType, documentNumber: string): Buffer {
  return createHmac('sha256', secret).update(documentKey(issuingCountry, documentType, documentNumber)).digest();
}
