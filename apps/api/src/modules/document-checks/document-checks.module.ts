import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ReportsModule } from '../reports/reports.module';
import { DOCUMENT_CHECK_PROVIDER } from './document-check-provider';
import { DocumentChecksController } from './document-checks.controller';
import { DocumentChecksRepository } from './document-checks.repository';
import { DocumentChecksService } from './document-checks.service';
import { DocumentHasher } from './document-hasher';
import { DocumentListImportService } from './document-list-import.service';
import { DocumentListsRepository } from './document-lists.repository';
import { LocalListProvider } from './local-list.provider';

/** Document checks and the lists they are matched against; the provider is the local list until a gateway is added. */
@Module({
  imports: [AccessModule, ReportsModule],
  controllers: [DocumentChecksController],
  providers: [
    DocumentHasher,
    DocumentListsRepository,
    DocumentChecksRepository,
    DocumentListImportService,
    DocumentChecksService,
    LocalListProvider,
    { provide: DOCUMENT_CHECK_PROVIDER, useExisting: LocalListProvider },
  ],
  exports: [DocumentChecksService, DocumentListImportService, DocumentHasher],
})
export class DocumentChecksModule {}
