import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { snapshotAnswerSchema, snapshotQuerySchema, type SnapshotAnswer } from '@lintas/contracts';
import { ApiZodOk, ApiZodQuery } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import { SnapshotAtService } from '../replay/snapshot-at.service';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { SNAPSHOT_REPORT_LIMIT, SnapshotService } from './snapshot.service';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('operations/:id/snapshot')
export class SnapshotController {
  constructor(
    private readonly snapshots: SnapshotService,
    private readonly snapshotsAt: SnapshotAtService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Everything needed to draw the operation now, with the event seq it is consistent with',
    description:
      '`{ operation, teams, reports, seq }`, read in one consistent transaction: subscribe to the live feed with ' +
      '`sinceSeq = seq` and nothing is missed or repeated. Teams and reports are those the caller may see under the ' +
      `handling markings. Reports are capped at the newest ${SNAPSHOT_REPORT_LIMIT.toLocaleString('en')} visible ones ` +
      '(newest received first), or at the newest `reports` when asked for fewer (a first screen asks for what it draws); ' +
      'page through older ones with GET /operations/:id/reports. ' +
      'With `compact=1`, the same reports (the same marking filter and order) in their summary form — id, operationId, kind, ' +
      'status, title, lat, lon, siteId, occurredAt, receivedAt, originAgency, teamId, marking, interception, version — and ' +
      '`compact: true`: what a first screen draws, in fewer bytes (no narrative); the full report (narrative, recipients, verdict, ' +
      'author) is GET /reports/:id. Without it, full reports, as before. ' +
      'With `at` (ISO 8601), the same shape as the operation was at that moment (replay): rebuilt from the event log and the ' +
      'stored positions, each item filtered by the marking it had then; `seq` is the newest event at or before `at`.',
  })
  @ApiZodQuery(snapshotQuerySchema)
  @ApiBadRequestResponse({ description: '`reports` out of range, `at` not an ISO 8601 time, or `compact` not 0 or 1' })
  @ApiZodOk(snapshotAnswerSchema, 'The snapshot; with `compact=1` the compact one (`compact: true`, each report in its summary form: `REPORT_SUMMARY_FIELDS`)', { operation: { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', code: 'OP-MEKONG-26', name: 'Mekong Gate' }, teams: [], reports: [], seq: 57 })
  @ApiUnauthorizedResponse({ description: 'No, an invalid or an expired access token' })
  @ApiNotFoundResponse({ description: "The operation does not exist or the caller's agency does not take part in it" })
  async snapshot(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Query(new ZodPipe(snapshotQuerySchema)) query: { reports: number; at?: string; compact: boolean },
  ): Promise<SnapshotAnswer> {
    const snapshot = query.at ? await this.snapshotsAt.snapshotAt(user, id, query.at) : await this.snapshots.snapshot(user, id, query.reports);
    return query.compact ? SnapshotService.compact(snapshot) : snapshot;
  }
}
