import { Injectable } from '@nestjs/common';
import type { DocumentCheckProvider, ListHit } from './document-check-provider';
import { DocumentListsRepository } from './document-lists.repository';

/** Checks against the lists imported into this Lintas (every agency's list in force). */
@Injectable()
export class LocalListProvider implements DocumentCheckProvider {
  readonly name = 'local-list';

  constructor(private readonly lists: DocumentListsRepository) {}

  check(documentHash: Buffer): Promise<ListHit | null> {
    return this.lists.findEntry(documentHash);
  }
}
