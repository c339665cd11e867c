import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Exports `ReportsService` for the socket gateway, the demo seeder and the snapshot. */
@Module({
  imports: [OperationsModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsRepository],
  exports: [ReportsService],
})
export class ReportsModule {}
