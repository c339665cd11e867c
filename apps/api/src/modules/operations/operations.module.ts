import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { SitesModule } from '../sites/sites.module';
import { AccessModule } from '../access/access.module';
import { OperationParticipantsService } from './operation-participants.service';
import { OperationsController } from './operations.controller';
import { OperationsRepository } from './operations.repository';
import { OperationsService } from './operations.service';

/** Re-exports the access module (the realtime module reaches `AccessService` through it) and `OperationsService.getOperation` for the other modules. */
@Module({
  imports: [AccessModule, AgenciesModule, SitesModule],
  controllers: [OperationsController],
  providers: [OperationsRepository, OperationsService, OperationParticipantsService],
  exports: [AccessModule, OperationsService, OperationParticipantsService],
})
export class OperationsModule {}
