import type { DocumentListStatus } from '@lintas/contracts';

/** A list entry that matched a checked document. */
export interface ListHit {
  status: DocumentListStatus;
  source: string;
  reportedAt: string | null;
  listAgencyId: string;
  listAgencyCode: string;
}

/**
 * Where document checks are answered. The local list (imported CSV, kept as keyed hashes) is the
 * implementation built here; a national gateway to INTERPOL's systems would be another, given the
 * same keyed hash or, behind the gateway's own protection, the document's fields.
 */
export interface DocumentCheckProvider {
  /** The provider's name, recorded with each check. */
  readonly name: string;
  /** The entry the hash matches, or null: no hit. Throws when the provider cannot answer. */
  check(documentHash: Buffer): Promise<ListHit | null>;
}

export const DOCUMENT_CHECK_PROVIDER = Symbol('DOCUMENT_CHECK_PROVIDER');
