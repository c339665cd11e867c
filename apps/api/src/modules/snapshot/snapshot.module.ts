import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module';
import { ReplayModule } from '../replay/replay.module';
import { ReportsModule } from '../reports/reports.module';
import { TeamsModule } from '../teams/teams.module';
import { OperationEventsController } from './operation-events.controller';
import { OperationEventsService } from './operation-events.service';
import { SnapshotController } from './snapshot.controller';
import { SnapshotService } from './snapshot.service';

/** The catch-up reads: the operation snapshot and the event log over REST. */
@Module({
  imports: [OperationsModule, TeamsModule, ReportsModule, ReplayModule],
  controllers: [SnapshotController, OperationEventsController],
  providers: [SnapshotService, OperationEventsService],
})
export class SnapshotModule {}
