import { Module } from '@nestjs/common';
import { OperationsModule } from '../modules/operations/operations.module';
import { PositionsModule } from '../modules/positions/positions.module';
import { ReportsModule } from '../modules/reports/reports.module';
import { TeamsModule } from '../modules/teams/teams.module';
import { AccessRevocation } from './access-revocation';
import { OperationStreams } from './operation-streams';
import { OpsGateway } from './ops.gateway';
import { PositionFanout } from './position-fanout';
import { RealtimeServer } from './realtime-server';
import { SubscriptionService } from './subscription.service';

/**
 * The live feed: the `/ops` gateway, the per-operation event streams with their catch-up, the
 * position fan-out and access revocation. The Socket.IO server itself (and its Redis adapter) is
 * set up by `RealtimeIoAdapter` in `app.factory.ts`.
 */
@Module({
  imports: [OperationsModule, PositionsModule, ReportsModule, TeamsModule],
  providers: [OpsGateway, RealtimeServer, OperationStreams, SubscriptionService, PositionFanout, AccessRevocation],
})
export class RealtimeModule {}
