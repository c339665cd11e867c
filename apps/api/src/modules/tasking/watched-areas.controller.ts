import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createWatchedAreaSchema, watchedAreaSchema, type CreateWatchedArea } from '@lintas/contracts';
import { z } from 'zod';
import { IdempotentCreate } from '../../common/idempotent-create';
import { ApiOperationNotFound, ApiRemoval, ApiSignedIn, ApiZodBody, ApiZodOk } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { WatchedAreasService } from './watched-areas.service';

const AREA = { type: 'Polygon', coordinates: [[[106.1, 11.0], [106.2, 11.0], [106.2, 11.1], [106.1, 11.1], [106.1, 11.0]]] };
const WATCHED_AREA_EXAMPLE = {
  id: '5c4b3a29-1807-4f6e-9d5c-4b3a29180706',
  clientId: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
  operationId: '7e6d5c4b-3a29-4180-9f6e-5d4c3b2a1908',
  name: 'Kaam Samnor landing',
  area: AREA,
  noTeamMinutes: 30,
  lastTeamInsideAt: '2026-12-01T08:00:00.000Z',
  lapsed: false,
  originAgencyId: '3b2a1908-7f6e-4d5c-8b3a-291807f6e5d4',
  authorUserId: '6e5d4c3b-2a19-4807-9f6e-5d4c3b2a1908',
  marking: 'TLP:AMBER',
  recipientAgencyIds: [],
  createdAt: '2026-12-01T08:00:00.000Z',
  version: 42,
};

@ApiTags('watched-areas')
@ApiSignedIn()
@Controller('operations/:operationId/watched-areas')
export class WatchedAreasController {
  constructor(private readonly areas: WatchedAreasService) {}

  @Post()
  @ApiOperation({
    summary: 'Mark an area watched',
    description:
      'A commander of an agency writing in the operation. When no team of the operation has had a position inside the area for ' +
      '`noTeamMinutes`, the author is alerted (`watched_area.lapsed`), once per lapse; a team seen inside re-arms it. ' +
      'Idempotent by `clientId` (201 first, 200 for a retry by the same user).',
  })
  @ApiZodBody(createWatchedAreaSchema, { clientId: WATCHED_AREA_EXAMPLE.clientId, name: 'Kaam Samnor landing', area: AREA, noTeamMinutes: 30, marking: 'TLP:AMBER' })
  @IdempotentCreate('watchedArea', { item: 'the watched area', schema: watchedAreaSchema, example: WATCHED_AREA_EXAMPLE })
  @ApiBadRequestResponse({ description: 'Invalid body (a polygon that crosses itself, encloses nothing, …), recipients not in the operation' })
  @ApiForbiddenResponse({ description: 'Not a commander, observer, liaison' })
  @ApiOperationNotFound()
  @ApiConflictResponse({ description: 'clientId already used for another area, or the operation is closed' })
  create(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string, @Body(new ZodPipe(createWatchedAreaSchema)) body: CreateWatchedArea) {
    return this.areas.create(user, operationId, body);
  }

  @Get()
  @ApiOperation({ summary: "The operation's watched areas the caller may see (marking rule), oldest first" })
  @ApiZodOk(z.object({ items: z.array(watchedAreaSchema) }), '{ items: WatchedArea[] }', { items: [WATCHED_AREA_EXAMPLE] })
  @ApiOperationNotFound()
  list(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string) {
    return this.areas.list(user, operationId);
  }

  @Delete(':watchedAreaId')
  @ApiRemoval({
    summary: 'Stop watching an area (a commander of the agency that marked it); removing it again answers the same',
    done: 'Removed',
    forbidden: 'Not a commander of the agency that marked the area',
    notFound: 'No such area, or the caller may not see it',
    conflict: 'The operation is closed',
  })
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('operationId')) operationId: string,
    @Param('watchedAreaId', uuidParam('watchedAreaId')) watchedAreaId: string,
  ): Promise<void> {
    await this.areas.remove(user, operationId, watchedAreaId);
  }
}
