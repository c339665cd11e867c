import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { TeamsController } from './teams.controller';
import { TeamsRepository } from './teams.repository';
import { TeamsService } from './teams.service';

/** Exports `TeamsService.listForOperation` (the snapshot) and the repository (demo data's tracks). */
@Module({
  imports: [AccessModule],
  controllers: [TeamsController],
  providers: [TeamsRepository, TeamsService],
  exports: [TeamsService, TeamsRepository],
})
export class TeamsModule {}
