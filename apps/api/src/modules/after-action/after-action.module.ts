import { Module } from '@nestjs/common';
import { DocumentChecksModule } from '../document-checks/document-checks.module';
import { OperationsModule } from '../operations/operations.module';
import { ReplayModule } from '../replay/replay.module';
import { AfterActionController } from './after-action.controller';
import { AfterActionService } from './after-action.service';
import { LessonsRepository } from './lessons.repository';
import { LessonsService } from './lessons.service';
import { PdfRenderer } from './pdf-renderer';

/** The after-action report (PDF) and the lessons it carries. */
@Module({
  imports: [OperationsModule, ReplayModule, DocumentChecksModule],
  controllers: [AfterActionController],
  providers: [AfterActionService, LessonsService, LessonsRepository, PdfRenderer],
})
export class AfterActionModule {}
