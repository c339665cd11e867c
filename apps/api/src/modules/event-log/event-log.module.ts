import { Global, Module } from '@nestjs/common';
import { AccessChangeBus } from './access-change-bus';
import { EventLogRepository } from './event-log.repository';
import { EventLogService } from './event-log.service';
import { OperationEventBus } from './operation-event-bus';

@Global()
@Module({
  providers: [EventLogRepository, EventLogService, OperationEventBus, AccessChangeBus],
  exports: [EventLogService, OperationEventBus, AccessChangeBus],
})
export class EventLogModule {}
