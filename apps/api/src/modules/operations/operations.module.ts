import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { SitesModule } from '../sites/sites.module';
import { OperationAccessService } from './operation-access.service';
import { OperationParticipantsService } from './operation-participants.service';
import { OperationsController } from './operations.controller';
import { OperationsRepository } from './operations.repository';
import { OperationsService } from './operations.service';

/** Exports the membership check (`OperationAccessService`) and `OperationsService.getOperation` for the other modules. */
@Module({
  imports: [AgenciesModule, SitesModule],
  controllers: [OperationsController],
  providers: [OperationAccessService, OperationsRepository, OperationsService, OperationParticipantsService],
  exports: [OperationAccessService, OperationsService, OperationParticipantsService],
})
export class OperationsModule {}
