import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { PositionsModule } from '../positions/positions.module';
import { ReportsModule } from '../reports/reports.module';
import { TeamsModule } from '../teams/teams.module';
import { CotIngestService } from './cot-ingest.service';
import { CotListener } from './cot-listener';
import { CotPictureService } from './cot-picture.service';
import { TakDevicesController } from './tak-devices.controller';
import { TakDevicesRepository } from './tak-devices.repository';
import { TakDevicesService } from './tak-devices.service';

/** TAK interoperability: device bindings (REST) and the optional CoT listener (`COT_PORT`). */
@Module({
  imports: [AccessModule, PositionsModule, TeamsModule, ReportsModule],
  controllers: [TakDevicesController],
  providers: [TakDevicesRepository, TakDevicesService, CotIngestService, CotPictureService, CotListener],
  exports: [CotListener],
})
export class TakModule {}
