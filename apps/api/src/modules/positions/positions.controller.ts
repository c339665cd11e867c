import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import {
  positionBatchResultSchema,
  positionBatchSchema,
  positionHistoryQuerySchema,
  teamTrackPageSchema,
  type PositionBatch,
  type PositionBatchResult,
  type PositionHistoryQuery,
  type TeamTrackPage,
} from '@lintas/contracts';
import { ApiZodBody, ApiZodOk, ApiZodQuery } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PositionsService } from './positions.service';

@ApiTags('positions')
@ApiBearerAuth()
@Controller('operations/:operationId/teams/:teamId/positions')
export class PositionsController {
  constructor(private readonly positions: PositionsService) {}

  /** The field outbox: positions kept while offline, oldest first; a re-sent position is stored once. */
  @Post()
  @HttpCode(200)
  @ApiZodBody(positionBatchSchema, { positions: [{ lat: 11.07, lon: 106.12, heading: 90, speed: 1.2, accuracy: 8, at: '2026-11-28T08:00:00Z' }] })
  @ApiZodOk(positionBatchResultSchema, '{ accepted, stored }: positions received, and newly stored')
  @ApiTooManyRequestsResponse({ description: 'Too many position requests from this user' })
  upload(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('Operation id')) operationId: string,
    @Param('teamId', uuidParam('Team id')) teamId: string,
    @Body(new ZodPipe(positionBatchSchema)) body: PositionBatch,
  ): Promise<PositionBatchResult> {
    return this.positions.storeBatch(user, operationId, teamId, body);
  }

  /** The team's track for replay, oldest first, e.g. `?from=2026-11-28T00:00:00Z&limit=1000`. */
  @Get()
  @ApiZodQuery(positionHistoryQuerySchema)
  @ApiZodOk(teamTrackPageSchema, '{ teamId, items: TeamPosition[], nextCursor }')
  history(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('Operation id')) operationId: string,
    @Param('teamId', uuidParam('Team id')) teamId: string,
    @Query(new ZodPipe(positionHistoryQuerySchema)) query: PositionHistoryQuery,
  ): Promise<TeamTrackPage> {
    return this.positions.history(user, operationId, teamId, query);
  }
}
