import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module';
import { ReportsModule } from '../reports/reports.module';
import { TeamsModule } from '../teams/teams.module';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';

/** `GET /operations/:id/export`: GeoJSON, CSV, KML and TAK data packages of what the caller may see. */
@Module({
  imports: [OperationsModule, TeamsModule, ReportsModule],
  controllers: [ExportsController],
  providers: [ExportsService, ExportsRepository],
})
export class ExportsModule {}
