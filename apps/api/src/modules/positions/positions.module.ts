import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { PositionBatchWriter } from './position-batch-writer';
import { PositionBus } from './position-bus';
import { PositionRateLimiter } from './position-rate-limiter';
import { PositionsController } from './positions.controller';
import { PositionsRepository } from './positions.repository';
import { PositionsService } from './positions.service';

/** Live positions, outbox uploads and track history. Exports the service (socket handlers) and the bus (fan-out). */
@Module({
  imports: [AccessModule],
  controllers: [PositionsController],
  providers: [PositionsService, PositionsRepository, PositionBatchWriter, PositionRateLimiter, PositionBus],
  exports: [PositionsService, PositionBus],
})
export class PositionsModule {}
