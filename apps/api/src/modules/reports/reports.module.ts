import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Exports `ReportsService` for the socket gateway, the demo seeder and the snapshot. */
@Module({
  imports: [AccessModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsRepository],
  exports: [ReportsService],
})
export class ReportsModule {}
