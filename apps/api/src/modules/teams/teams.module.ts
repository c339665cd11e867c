import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module';
import { TeamMembershipService } from './team-membership.service';
import { TeamsController } from './teams.controller';
import { TeamsRepository } from './teams.repository';
import { TeamsService } from './teams.service';

/** Exports `TeamsService.listForOperation` (the snapshot) and `TeamMembershipService` (positions). */
@Module({
  imports: [OperationsModule],
  controllers: [TeamsController],
  providers: [TeamsRepository, TeamsService, TeamMembershipService],
  exports: [TeamsService, TeamMembershipService, TeamsRepository],
})
export class TeamsModule {}
