import { Global, Module } from '@nestjs/common';
import { EventLogRepository } from './event-log.repository';
import { EventLogService } from './event-log.service';
import { OperationEventBus } from './operation-event-bus';

@Global()
@Module({ providers: [EventLogRepository, EventLogService, OperationEventBus], exports: [EventLogService, OperationEventBus] })
export class EventLogModule {}
