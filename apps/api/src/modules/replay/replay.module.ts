import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module';
import { ReplayController } from './replay.controller';
import { ReplayRepository } from './replay.repository';
import { ReplayWindowService } from './replay-window.service';
import { SnapshotAtService } from './snapshot-at.service';

/** Replay: the state at a moment and the window of events and tracks, from the event log. */
@Module({
  imports: [OperationsModule],
  controllers: [ReplayController],
  providers: [ReplayRepository, SnapshotAtService, ReplayWindowService],
  exports: [SnapshotAtService, ReplayWindowService, ReplayRepository],
})
export class ReplayModule {}
